# Kaplan–Meier curves, numbers at risk, medians with 95 % CIs and Cox hazard ratios for the
# synthetic solid-tumour example. Input: solid-tumour-ipd.csv (seeded, written by
# scripts/synthetic-solid-tumour.mjs). Output: solid-tumour-survival.json, read by that script to
# build static/examples/synthetic-solid-tumour.json and by tests/unit/solid-tumour-example.test.ts.
# Invented data, not evidence. Run: Rscript tests/reference/solid-tumour-survival.R
suppressMessages(library(survival))
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
ipd <- read.csv(file.path(here, "solid-tumour-ipd.csv"), stringsAsFactors = FALSE)
at_risk_times <- seq(0, 24, by = 3)

num <- function(x) if (is.na(x)) "null" else formatC(x, digits = 15, format = "g")
vec <- function(x) paste0("[", paste(vapply(x, num, ""), collapse = ","), "]")

arm_json <- function(d) {
  fit <- survfit(Surv(time, event) ~ 1, data = d, conf.type = "log")
  # The product-limit steps at each distinct event time, from S(0) = 1.
  keep <- fit$n.event > 0
  times <- c(0, fit$time[keep])
  surv <- c(1, fit$surv[keep])
  risk <- summary(fit, times = at_risk_times, extend = TRUE)$n.risk
  q <- quantile(fit, probs = 0.5, conf.int = TRUE)
  sprintf(
    '{"n":%d,"events":%d,"time":%s,"survival":%s,"atRiskTime":%s,"atRisk":%s,"median":%s,"medianLow":%s,"medianHigh":%s}',
    nrow(d), sum(d$event), vec(times), vec(surv), vec(at_risk_times), vec(risk),
    num(unname(q$quantile)), num(unname(q$lower)), num(unname(q$upper))
  )
}

trials <- unique(ipd$trial)
out <- character(0)
for (trial in trials) {
  d <- ipd[ipd$trial == trial, ]
  arms <- unique(d$arm)
  d$experimental <- as.integer(d$arm == arms[1])
  cox <- coxph(Surv(time, event) ~ experimental, data = d, ties = "efron")
  s <- summary(cox)
  hr <- s$conf.int[1, c(1, 3, 4)]
  p <- s$sctest["pvalue"]
  arm_parts <- vapply(arms, function(a) sprintf('"%s":%s', a, arm_json(d[d$arm == a, ])), "")
  out <- c(out, sprintf(
    '"%s":{"experimentalArm":"%s","comparatorArm":"%s","hr":%s,"hrLow":%s,"hrHigh":%s,"logRankP":%s,"arms":{%s}}',
    trial, arms[1], arms[2], num(hr[1]), num(hr[2]), num(hr[3]), num(unname(p)),
    paste(arm_parts, collapse = ",")
  ))
}
json <- paste0(
  '{"generatedBy":"tests/reference/solid-tumour-survival.R","r":"', R.version.string,
  '","survival":"', as.character(packageVersion("survival")), '","trials":{',
  paste(out, collapse = ","), "}}\n"
)
writeLines(json, file.path(here, "solid-tumour-survival.json"), sep = "")
