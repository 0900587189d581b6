/**
 * The original's grid search recipes (upstream §4.3): {@code concurrency-ramp}, {@code prefill-ttft-curve},
 * {@code decode-itl-curve}, {@code pareto-sweep} and the {@code grid} style of {@code max-concurrency-under-sla}.
 * Each recipe is a set of sweep cells plus the analysis ({@link dev.aiperf.study.SweepPostProcess}) that turns
 * the measured cells into its answer: a knee, a curve fit, a surface, a frontier or an SLA boundary.
 */
package dev.aiperf.study.recipe;
