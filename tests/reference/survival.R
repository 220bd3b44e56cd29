# Reference values for the survival functions of src/lib/stats (Kaplan–Meier, median, log-rank,
# Cox, RMST), computed with R's survival package on R's own data sets.
#
#   Rscript tests/reference/survival.R > tests/reference/survival-reference.json
#
# Written with R 4.2.2 and survival 3.5-3 (Debian r-base-core, r-cran-survival). jsonlite is not
# available there, so the JSON is written by hand below, numbers with 17 significant digits,
# NA/NaN/Inf as null. The input data of every case goes into the JSON too, so the tests need no R.
suppressPackageStartupMessages(library(survival))

# ---- a minimal JSON writer -------------------------------------------------------------------
# A length-1 numeric is written as a scalar unless wrapped in vec(); every vector field uses vec().
vec <- function(x) structure(list(values = x), class = "jsonvec")
num <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")
js <- function(x) {
  if (inherits(x, "jsonvec")) {
    v <- x$values
    if (is.character(v)) return(paste0("[", paste0('"', v, '"', collapse = ","), "]"))
    return(paste0("[", paste(num(as.numeric(v)), collapse = ","), "]"))
  }
  if (is.null(x)) return("null")
  if (is.list(x)) {
    inner <- vapply(x, js, "")
    if (!is.null(names(x))) return(paste0("{", paste0('"', names(x), '":', inner, collapse = ","), "}"))
    return(paste0("[", paste(inner, collapse = ","), "]"))
  }
  if (is.character(x)) return(paste0('"', x, '"'))
  if (is.logical(x) && is.na(x)) return("null")
  if (is.logical(x)) return(if (x) "true" else "false")
  num(as.numeric(x))
}

# ---- data sets (time, event 0/1, group 0/1 or a factor) -----------------------------------------
colon_death <- colon[colon$etype == 2, ]
pbc_trial <- pbc[!is.na(pbc$trt), ]
datasets <- list(
  ovarian = data.frame(time = ovarian$futime, event = ovarian$fustat, group = ovarian$rx - 1),
  aml = data.frame(time = aml$time, event = aml$status, group = as.numeric(aml$x == "Nonmaintained")),
  # colon: death (etype 2), Lev+5FU (group 1) against observation (group 0); Lev alone left out
  colon = with(colon_death[colon_death$rx != "Lev", ],
               data.frame(time = time, event = status, group = as.numeric(rx == "Lev+5FU"))),
  # pbc: death (status 2) as the event, transplant and alive as censored; trt 2 (placebo) is group 1
  pbc = data.frame(time = pbc_trial$time, event = as.numeric(pbc_trial$status == 2), group = pbc_trial$trt - 1),
  # a small hand-made set whose curve sits exactly at 0.5 (R's median rule averages two times)
  tiny = data.frame(time = c(1, 2, 3, 4, 2, 5), event = c(1, 1, 1, 1, 0, 0), group = c(0, 0, 0, 0, 1, 1))
)
# colon with all three arms, for the k-group log-rank test
colon3 <- data.frame(time = colon_death$time, event = colon_death$status,
                     group = as.numeric(colon_death$rx) - 1)

data_json <- lapply(datasets, function(d) list(time = vec(d$time), event = vec(d$event), group = vec(d$group)))
data_json$colon3 <- list(time = vec(colon3$time), event = vec(colon3$event), group = vec(colon3$group))

# ---- Kaplan–Meier, median, RMST ----------------------------------------------------------------
km_case <- function(name, d, which, conf) {
  fit <- survfit(Surv(time, event) ~ 1, data = d, conf.type = conf)
  s <- summary(fit, censored = TRUE)
  tab <- summary(fit)$table
  list(dataset = name, arm = which, conf = conf, level = 0.95,
       time = vec(s$time), nRisk = vec(s$n.risk), nEvent = vec(s$n.event), nCensor = vec(s$n.censor),
       surv = vec(s$surv), stdErr = vec(s$std.err), lower = vec(s$lower), upper = vec(s$upper),
       median = list(median = tab[["median"]], lower = tab[["0.95LCL"]], upper = tab[["0.95UCL"]]))
}
km_cases <- list()
rmst_cases <- list()
arms <- list(all = function(d) d, group0 = function(d) d[d$group == 0, ], group1 = function(d) d[d$group == 1, ])
for (name in names(datasets)) {
  confs <- if (name %in% c("colon", "pbc")) c("log", "log-log") else c("log", "log-log", "plain")
  for (which in names(arms)) {
    d <- arms[[which]](datasets[[name]])
    for (conf in confs) km_cases[[length(km_cases) + 1]] <- km_case(name, d, which, conf)
    fit <- survfit(Surv(time, event) ~ 1, data = d)
    last <- max(d$time)
    taus <- c(signif(last / 3, 3), signif(last * 0.8, 3), last)
    for (tau in unique(taus)) {
      tab <- survival:::survmean(fit, rmean = tau)$matrix
      rmst_cases[[length(rmst_cases) + 1]] <- list(dataset = name, arm = which, tau = tau,
                                                   rmst = tab[["rmean"]], se = tab[["se(rmean)"]])
    }
  }
}

# RMST difference and ratio (group 1 minus / over group 0), by the normal approximation that
# survRM2::rmst2 uses: se of the difference sqrt(se1^2 + se0^2), ratio on the log scale.
rmst_diff_cases <- list()
for (name in c("ovarian", "aml", "colon", "pbc")) {
  d <- datasets[[name]]
  tau <- signif(min(max(d$time[d$group == 0]), max(d$time[d$group == 1])) * 0.9, 3)
  r <- lapply(0:1, function(g) survival:::survmean(survfit(Surv(time, event) ~ 1, data = d[d$group == g, ]), rmean = tau)$matrix)
  m1 <- r[[2]][["rmean"]]; s1 <- r[[2]][["se(rmean)"]]; m0 <- r[[1]][["rmean"]]; s0 <- r[[1]][["se(rmean)"]]
  z <- qnorm(0.975)
  se_diff <- sqrt(s1^2 + s0^2)
  se_log_ratio <- sqrt(s1^2 / m1^2 + s0^2 / m0^2)
  rmst_diff_cases[[length(rmst_diff_cases) + 1]] <- list(
    dataset = name, tau = tau, level = 0.95,
    difference = m1 - m0, lower = m1 - m0 - z * se_diff, upper = m1 - m0 + z * se_diff,
    ratio = m1 / m0, ratioLower = exp(log(m1 / m0) - z * se_log_ratio),
    ratioUpper = exp(log(m1 / m0) + z * se_log_ratio))
}

# ---- log-rank (survdiff) -------------------------------------------------------------------------
logrank_case <- function(name, d) {
  sd <- survdiff(Surv(time, event) ~ group, data = d)
  df <- sum(sd$exp > 0) - 1
  list(dataset = name, chisq = sd$chisq, df = df, p = pchisq(sd$chisq, df, lower.tail = FALSE),
       observed = vec(as.numeric(sd$obs)), expected = vec(as.numeric(sd$exp)))
}
logrank_cases <- lapply(c("ovarian", "aml", "colon", "pbc", "tiny"), function(n) logrank_case(n, datasets[[n]]))
logrank_cases[[length(logrank_cases) + 1]] <- logrank_case("colon3", colon3)

# ---- Cox proportional hazards (group 1 vs group 0, Wald interval) -----------------------------------
cox_cases <- list()
for (name in c("ovarian", "aml", "colon", "pbc")) {
  for (ties in c("efron", "breslow")) {
    fit <- coxph(Surv(time, event) ~ group, data = datasets[[name]], ties = ties,
                 control = coxph.control(eps = 1e-10, iter.max = 50))
    s <- summary(fit)
    cox_cases[[length(cox_cases) + 1]] <- list(
      dataset = name, ties = ties, beta = unname(coef(fit)), se = unname(sqrt(diag(vcov(fit)))),
      hr = s$conf.int[1, "exp(coef)"], lower = s$conf.int[1, "lower .95"], upper = s$conf.int[1, "upper .95"],
      z = s$coefficients[1, "z"], p = s$coefficients[1, "Pr(>|z|)"])
  }
}

out <- list(
  generated = list(r = R.version.string, survival = as.character(packageVersion("survival")),
                   script = "tests/reference/survival.R"),
  data = data_json,
  kaplanMeier = km_cases,
  rmst = rmst_cases,
  rmstDifference = rmst_diff_cases,
  logRank = logrank_cases,
  coxPH = cox_cases
)
cat(js(out), "\n", sep = "")
