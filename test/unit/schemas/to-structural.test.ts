import { describe, expect, it } from 'vitest';
import { toStructural } from '../../../scripts/generate/index.js';

describe('toStructural', () => {
  it('turns if/then and if/else into anyOf, and false properties into not-required', () => {
    expect(toStructural({
      type: 'object',
      properties: { mode: { type: 'string' }, a: { type: 'string' }, b: { type: 'string' } },
      allOf: [
        { if: { properties: { mode: { const: 'x' } }, required: ['mode'] }, then: { required: ['a'] } },
        { if: { required: ['a'], properties: { a: true } }, else: { required: ['b'], properties: { b: true } } },
        { if: { required: ['b'] }, then: { properties: { a: false } } },
      ],
    })).toEqual({
      type: 'object',
      properties: { mode: { type: 'string' }, a: { type: 'string' }, b: { type: 'string' } },
      allOf: [
        { anyOf: [{ not: { properties: { mode: { enum: ['x'] } }, required: ['mode'] } }, { required: ['a'] }] },
        { anyOf: [{ required: ['a'] }, { required: ['b'] }] },
        { anyOf: [{ not: { required: ['b'] } }, { not: { required: ['a'] } }] },
      ],
    });
  });

  it('drops the default of a property whose presence triggers a rule', () => {
    const out = toStructural({
      type: 'object',
      properties: { mode: { type: 'string', default: 'overlay' }, image: { type: 'string' } },
      allOf: [{ if: { required: ['mode'], properties: { mode: true } }, then: { required: ['image'] } }],
    });
    expect(out.properties).toEqual({ mode: { type: 'string' }, image: { type: 'string' } });
  });

  it('converts bounds, sets, closed and free-form objects, and drops annotations', () => {
    expect(toStructural({
      type: 'object',
      title: 'T',
      additionalProperties: false,
      properties: {
        size: { type: 'number', exclusiveMinimum: 0, description: 'd' },
        names: { type: 'array', uniqueItems: true, items: { type: 'string' } },
        free: { type: 'object' },
        map: { type: 'object', propertyNames: { pattern: '^a$' }, additionalProperties: { type: 'string' } },
      },
    })).toEqual({
      type: 'object',
      properties: {
        size: { type: 'number', minimum: 0, exclusiveMinimum: true, description: 'd' },
        names: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        map: { type: 'object', additionalProperties: { type: 'string' } },
      },
    });
  });
});
