/** Reads metric values out of a registry, for assertions. */
import type { ControllerMetrics, MetricName } from '../../../controller/metrics/index.js';

/** The value of a metric series with exactly these labels, or undefined when there is none. */
export async function valueOf(metrics: ControllerMetrics, name: MetricName | string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = metrics.registry.getSingleMetric(name);
  if (metric === undefined) throw new Error(`metric ${name} is not registered`);
  const { values } = await metric.get();
  const wanted = Object.entries(labels);
  const found = values.find((v) => {
    const have = Object.entries(v.labels).filter(([, value]) => value !== undefined);
    return (v as { metricName?: string }).metricName === undefined && have.length === wanted.length && wanted.every(([k, x]) => v.labels[k] === x);
  });
  return found?.value;
}

/** Every series of a metric as `labels → value`. */
export async function seriesOf(metrics: ControllerMetrics, name: MetricName): Promise<{ labels: Record<string, string | number>; value: number }[]> {
  const metric = metrics.registry.getSingleMetric(name);
  if (metric === undefined) throw new Error(`metric ${name} is not registered`);
  const { values } = await metric.get();
  return values.filter((v) => (v as { metricName?: string }).metricName === undefined || (v as { metricName?: string }).metricName === name)
    .map((v) => ({ labels: v.labels as Record<string, string | number>, value: v.value }));
}

/** The sample count of a histogram series. */
export async function histogramCount(metrics: ControllerMetrics, name: MetricName, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = metrics.registry.getSingleMetric(name);
  const { values } = await metric!.get();
  const wanted = Object.entries(labels);
  return values.find((v) => (v as { metricName?: string }).metricName === `${name}_count` && wanted.every(([k, x]) => v.labels[k] === x))?.value;
}
