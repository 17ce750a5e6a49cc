import { createSecretKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import {
  AuditChainService,
  canonicalJson,
  hmacHex,
  signRow,
  tipHmac,
  type UnsignedAuditRow,
} from '../../src/compliance/audit/index.js';
import { Metastore } from '../../src/metastore/index.js';
import { tempDir } from '../support/temp.js';

/** The known-answer vectors are read from the published document, so the two cannot drift. */
const DOC = readFileSync(path.join(import.meta.dirname, '../../docs/audit-chain.md'), 'utf8');

interface Section {
  readonly blocks: Map<string, string[]>;
  readonly values: Map<string, string>;
}

function parseSection(text: string): Section {
  const blocks = new Map<string, string[]>();
  for (const [, tag, body] of text.matchAll(/^```\w+ ([\w-]+)\n([\s\S]*?)\n```$/gm))
    blocks.set(tag!, [...(blocks.get(tag!) ?? []), body!]);
  const values = new Map<string, string>();
  for (const [, name, value] of text.matchAll(/^- `(\w+)`: `([0-9a-f]+)`$/gm))
    values.set(name!, value!);
  return { blocks, values };
}

const sections = DOC.split(/^### /m).map((text) => ({
  title: text.slice(0, text.indexOf('\n')),
  ...parseSection(text),
}));
const rowVectors = sections.filter((s) => s.blocks.has('vector-unsigned'));
const only = (section: Section, tag: string) => section.blocks.get(tag)![0]!;
const value = (section: Section, name: string) => section.values.get(name)!;
const key = createSecretKey(Buffer.from(parseSection(DOC).values.get('key')!, 'hex'));

describe('known-answer vectors in docs/audit-chain.md', () => {
  it('the document holds three chained row vectors, a tip vector and canonical vectors', () => {
    expect(rowVectors.map((s) => s.title)).toEqual([
      'Vector 1: the first row of a chain',
      'Vector 2: non-ASCII text, escapes, a null trace id',
      'Vector 3: a character beyond U+FFFF, no fields',
    ]);
    expect(sections.some((s) => s.blocks.has('vector-canonical-tip'))).toBe(true);
    expect(
      sections.find((s) => s.blocks.has('canonical-input'))?.blocks.get('canonical-input'),
    ).toHaveLength(4);
  });

  for (const [index, section] of rowVectors.entries())
    it(`${section.title}: canonical bytes, row_hmac, stored row and hash`, () => {
      const unsigned = JSON.parse(only(section, 'vector-unsigned')) as UnsignedAuditRow;
      const canonical = only(section, 'vector-canonical-unsigned');
      expect(canonicalJson(unsigned)).toBe(canonical);
      expect(hmacHex(key, canonical)).toBe(value(section, 'row_hmac'));
      const signed = signRow(key, unsigned);
      expect(signed.row.row_hmac).toBe(value(section, 'row_hmac'));
      expect(signed.text).toBe(only(section, 'vector-canonical-row'));
      expect(signed.hash).toBe(value(section, 'hash'));
      const previous = rowVectors[index - 1];
      expect(unsigned.prev_hash).toBe(previous ? value(previous, 'hash') : 'GENESIS');
    });

  it('the tip vector', () => {
    const section = sections.find((s) => s.blocks.has('vector-canonical-tip'))!;
    const last = value(rowVectors[2]!, 'hash');
    const text = only(section, 'vector-canonical-tip');
    expect(canonicalJson(JSON.parse(text))).toBe(text);
    expect(JSON.parse(text)).toEqual({
      schema: 'lakehouse.audit.tip.v1',
      subject_id: 'CAN000123',
      seq: 3,
      hash: last,
    });
    expect(hmacHex(key, text)).toBe(value(section, 'tip_hmac'));
    expect(tipHmac(key, 'CAN000123', 3, last)).toBe(value(section, 'tip_hmac'));
  });

  it('the canonical JSON vectors, and the refusal of numbers beyond a double', () => {
    const section = sections.find((s) => s.blocks.has('canonical-input'))!;
    const inputs = section.blocks.get('canonical-input')!;
    const outputs = section.blocks.get('canonical-output')!;
    expect(outputs).toHaveLength(inputs.length);
    inputs.forEach((input, i) => expect(canonicalJson(JSON.parse(input))).toBe(outputs[i]));
    expect(() => canonicalJson(JSON.parse('[1e400]'))).toThrow(
      '$[0]: Infinity is not a finite number',
    );
  });

  it("the example row at the top of the document is vector 1's stored row", () => {
    const example = /^## The row\n\n```json\n([\s\S]*?)\n```$/m.exec(DOC)![1]!;
    expect(JSON.parse(example)).toEqual(JSON.parse(only(rowVectors[0]!, 'vector-canonical-row')));
  });

  describe('the service writes exactly these rows', () => {
    const temp = tempDir('audit-vectors');
    let metastore: Metastore;
    beforeAll(async () => {
      metastore = await Metastore.open(`sqlite:${path.join(temp.dir, 'metastore.sqlite')}`);
    });
    afterAll(async () => {
      await metastore.close();
      temp.remove();
    });

    it('appends vectors 1–3 byte for byte, verifies them and signs the tip as vector 4', async () => {
      const clock = fixedClock('2026-01-01T00:00:00.000Z');
      const audit = new AuditChainService(metastore, { key, clock });
      for (const section of rowVectors) {
        const row = JSON.parse(only(section, 'vector-unsigned')) as UnsignedAuditRow;
        clock.set(row.ts);
        const record = await audit.append(row.subject_id, {
          accessor: { ...row.accessor, traceId: row.accessor.trace_id },
          fieldsAccessed: row.fields_accessed,
          result: row.result,
        });
        expect(canonicalJson(record.row)).toBe(only(section, 'vector-canonical-row'));
      }
      expect(await audit.verify('CAN000123')).toMatchObject({ ok: true, rows: 3 });
      const tip = await metastore.db.selectFrom('audit_tips').selectAll().executeTakeFirstOrThrow();
      const tipSection = sections.find((s) => s.blocks.has('vector-canonical-tip'))!;
      expect(tip.tip_hmac).toBe(value(tipSection, 'tip_hmac'));
    });
  });
});
