import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { METRICS, type MetricName } from '../../../controller/metrics/index.js';

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const ALERTS = new URL('../../../deploy/prometheus/alerts.yaml', import.meta.url);

/** A referenced series name as the metric that exports it (histograms export _bucket, _sum and _count). */
function metricOfSeries(series: string): string {
  const base = series.replace(/_(bucket|sum|count)$/, '');
  return base !== series && (METRICS as Record<string, { type: string }>)[base]?.type === 'histogram' ? base : series;
}

describe('example Prometheus alert rules', () => {
  it('parse, and cover the signals operators need', async () => {
    const doc = parse(await readFile(ALERTS, 'utf8')) as { groups: { name: string; rules: Rule[] }[] };
    const rules = doc.groups.flatMap((g) => g.rules);
    expect(rules.map((r) => r.alert).sort()).toEqual([
      'GitvirtApplyErrors', 'GitvirtBrakeEngaged', 'GitvirtConstantChanges', 'GitvirtControllerDown',
      'GitvirtGitFetchFailing', 'GitvirtHostDown', 'GitvirtManifestsInvalid', 'GitvirtRolloutStalled',
    ]);
    for (const rule of rules) {
      expect(rule.expr.trim(), rule.alert).not.toBe('');
      expect(rule.labels?.['severity'], rule.alert).toMatch(/^(critical|warning)$/);
      expect(rule.annotations?.['summary'], rule.alert).toBeTruthy();
      if (rule.for !== undefined) expect(rule.for).toMatch(/^[0-9]+[smh]$/);
    }
  });

  it('reference only metrics the controller registers', async () => {
    const doc = parse(await readFile(ALERTS, 'utf8')) as { groups: { rules: Rule[] }[] };
    const referenced = new Set<string>();
    for (const rule of doc.groups.flatMap((g) => g.rules)) {
      for (const [series] of rule.expr.matchAll(/\bgitvirt_[a-z0-9_]+/g)) referenced.add(metricOfSeries(series));
      for (const text of Object.values(rule.annotations ?? {})) {
        for (const [series] of text.matchAll(/\bgitvirt_[a-z0-9_]+/g)) referenced.add(metricOfSeries(series));
      }
    }
    expect(referenced.size).toBeGreaterThan(5);
    const unknown = [...referenced].filter((name) => !(name in METRICS));
    expect(unknown).toEqual([]);
  });

  it('use only labels the referenced metrics have', async () => {
    const doc = parse(await readFile(ALERTS, 'utf8')) as { groups: { rules: Rule[] }[] };
    for (const rule of doc.groups.flatMap((g) => g.rules)) {
      for (const [, by] of rule.expr.matchAll(/by \(([^)]*)\)/g)) {
        const names = [...rule.expr.matchAll(/\bgitvirt_[a-z0-9_]+/g)].map(([s]) => metricOfSeries(s) as MetricName);
        const labels = new Set(names.flatMap((n) => [...METRICS[n].labels]));
        for (const label of by!.split(',').map((l) => l.trim())) expect((labels as Set<string>).has(label), `${rule.alert}: ${label}`).toBe(true);
      }
      for (const [, label] of `${Object.values(rule.annotations ?? {}).join(' ')}`.matchAll(/\$labels\.([a-z_]+)/g)) {
        if (label === 'instance') continue;
        const names = [...rule.expr.matchAll(/\bgitvirt_[a-z0-9_]+/g)].map(([s]) => metricOfSeries(s) as MetricName);
        expect(names.some((n) => (METRICS[n].labels as readonly string[]).includes(label as string)), `${rule.alert}: $labels.${label}`).toBe(true);
      }
    }
  });
});
