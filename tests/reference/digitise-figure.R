# Known truth for the /digitise e2e test: seeded two-arm survival data, its Kaplan-Meier
# figure as a PNG (as a journal would print it: censor ticks, a legend in the arm colours,
# a number-at-risk table below) and the truth as JSON: the tick positions in image pixels,
# the numbers at risk, and the Cox HR, medians and 12-month survival of the true data.
# Run from the repository root: Rscript tests/reference/digitise-figure.R
suppressMessages(library(survival))
set.seed(20121201)
n <- 150
simulate <- function(median, n) {
  event_time <- rexp(n, log(2) / median)
  censor_time <- runif(n, 18, 40) # staggered entry, data cut at 40 months
  drop_out <- rexp(n, 0.01)
  censor <- pmin(censor_time, drop_out)
  time <- pmin(event_time, censor)
  data.frame(time = round(time, 3), event = as.integer(event_time <= censor))
}
control <- simulate(10, n)
experimental <- simulate(16, n)
d <- rbind(cbind(control, group = 0L), cbind(experimental, group = 1L))
fit <- survfit(Surv(time, event) ~ group, data = d)
cox <- coxph(Surv(time, event) ~ group, data = d, ties = "efron")
hr <- unname(exp(coef(cox)))
med <- unname(summary(fit)$table[, "median"])
s12 <- summary(fit, times = 12)$surv
risk_times <- seq(0, 36, by = 6)
at_risk <- sapply(0:1, function(g) sapply(risk_times, function(t) sum(d$time[d$group == g] >= t)))

out_dir <- "tests/reference"
png(file.path(out_dir, "digitise-km.png"), width = 900, height = 640, res = 96, type = "cairo")
par(mar = c(9, 5, 2, 2), las = 1, family = "sans")
colours <- c("#1f5fa8", "#c0392b")
plot(fit, col = colours, lwd = 2, mark.time = TRUE, xlim = c(0, 36), xaxt = "n", yaxt = "n",
     xaxs = "i", yaxs = "i", ylim = c(0, 1.02), xlab = "", ylab = "Survival probability (%)")
axis(1, at = risk_times)
axis(2, at = seq(0, 1, by = 0.2), labels = seq(0, 100, by = 20))
mtext("Months since randomisation", side = 1, line = 2.3)
text(26, 0.92, "Arm B", col = colours[2], cex = 1.1)
text(26, 0.84, "Arm A", col = colours[1], cex = 1.1)
mtext("No. at risk", side = 1, line = 4, adj = 0, at = -4, cex = 0.85)
for (g in 1:2) {
  mtext(c("A", "B")[g], side = 1, line = 4.3 + g * 1.2, at = -3, col = colours[g], cex = 0.85)
  mtext(at_risk[, g], side = 1, line = 4.3 + g * 1.2, at = risk_times, cex = 0.85)
}
# Pixel positions of the ticks (device units are image pixels for png()).
x_px <- grconvertX(c(0, 36), "user", "device")
y_px <- grconvertY(c(0, 1), "user", "device")
# A point on each curve, in the middle of its longest flat run before 30 months, where a
# person would click to pick the curve's colour.
pick <- t(sapply(0:1, function(g) {
  s <- summary(survfit(Surv(time, event) ~ 1, data = d[d$group == g, ]))
  times <- c(0, s$time[s$time < 30])
  surv <- c(1, s$surv[s$time < 30])
  k <- which.max(diff(times))
  c(grconvertX((times[k] + times[k + 1]) / 2, "user", "device"), grconvertY(surv[k], "user", "device"))
}))
dev.off()

num <- function(x) ifelse(is.na(x), "null", sprintf("%.10g", x))
arr <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
json <- paste0(
  "{\n",
  '  "generatedBy": "tests/reference/digitise-figure.R (R ', getRversion(), ", survival ", packageVersion("survival"), ')",\n',
  '  "image": { "file": "digitise-km.png", "width": 900, "height": 640 },\n',
  '  "ticks": { "x": [{ "value": 0, "px": ', num(x_px[1]), ' }, { "value": 36, "px": ', num(x_px[2]), " }],\n",
  '             "y": [{ "value": 0, "py": ', num(y_px[1]), ' }, { "value": 100, "py": ', num(y_px[2]), " }] },\n",
  '  "yScale": "percent",\n',
  '  "pick": [{ "x": ', num(pick[1, 1]), ', "y": ', num(pick[1, 2]), ' }, { "x": ', num(pick[2, 1]), ', "y": ', num(pick[2, 2]), " }],\n",
  '  "colours": ["', colours[1], '", "', colours[2], '"],\n',
  '  "arms": ["A", "B"],\n',
  '  "riskTimes": ', arr(risk_times), ",\n",
  '  "atRisk": [', arr(at_risk[, 1]), ", ", arr(at_risk[, 2]), "],\n",
  '  "totalEvents": [', sum(control$event), ", ", sum(experimental$event), "],\n",
  '  "truth": { "hrBvsA": ', num(hr), ', "median": ', arr(med), ', "survival12": ', arr(s12), " }\n",
  "}\n")
cat(json, file = file.path(out_dir, "digitise-km.json"))
write.csv(d, file.path(out_dir, "digitise-km-ipd.csv"), row.names = FALSE)
