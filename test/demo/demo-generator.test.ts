import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTable, DemoTableFile } from '../../src/demo/index.js';
import { DEMO_TABLES, demoTableSizes, generateDemo } from '../../src/demo/index.js';

/** A parsed CSV field: null for an unquoted empty field (the importer's NULL). */
type Field = string | null;
type Row = Record<string, Field>;

/**
 * A deliberately small RFC 4180 reader, independent of the generator's encoder, so the
 * tests check the files against the format rather than against the code that wrote them.
 */
function parseCsv(text: string): Field[][] {
  const records: Field[][] = [];
  let record: Field[] = [];
  let position = 0;
  while (position < text.length) {
    const { value, next } = readField(text, position);
    record.push(value);
    if (text[next] === ',') {
      position = next + 1;
    } else if (text[next] === '\n' || next === text.length) {
      records.push(record);
      record = [];
      position = next + 1;
    } else {
      throw new Error(`Unexpected ${JSON.stringify(text[next])} at offset ${next}`);
    }
  }
  return records;
}

function readField(text: string, start: number): { value: Field; next: number } {
  if (text[start] !== '"') {
    let end = start;
    while (end < text.length && text[end] !== ',' && text[end] !== '\n') end += 1;
    const raw = text.slice(start, end);
    if (/["\r]/.test(raw)) throw new Error(`Unquoted field with a quote or CR at ${start}`);
    return { value: raw === '' ? null : raw, next: end };
  }
  let value = '';
  let position = start + 1;
  for (;;) {
    const quote = text.indexOf('"', position);
    if (quote === -1) throw new Error(`Unterminated quoted field at ${start}`);
    value += text.slice(position, quote);
    if (text[quote + 1] !== '"') return { value, next: quote + 1 };
    value += '"';
    position = quote + 2;
  }
}

/** The canonical encoding: quote only when needed. Used to check nothing is over-quoted. */
function encodeCsv(records: Field[][]): string {
  const field = (value: Field): string => {
    if (value === null) return '';
    return value === '' || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return records.map((record) => `${record.map(field).join(',')}\n`).join('');
}

// prettier-ignore
const COLUMNS: Record<DemoTable, string[]> = {
  recruiters: ['recruiter_id', 'first_name', 'last_name', 'email', 'phone', 'office_city', 'office_state', 'hired_on'],
  clients: ['client_id', 'client_name', 'industry', 'city', 'state', 'account_manager_id', 'created_at'],
  candidates: ['candidate_id', 'first_name', 'last_name', 'email', 'phone', 'street_address', 'city', 'state', 'zip', 'vertical', 'skills', 'years_experience', 'status', 'hourly_rate', 'ssn_last4', 'date_of_birth', 'created_at', 'resume_text'],
  jobs: ['job_id', 'client_id', 'title', 'vertical', 'city', 'state', 'bill_rate', 'pay_rate', 'openings', 'status', 'posted_on', 'recruiter_id'],
  placements: ['placement_id', 'candidate_id', 'job_id', 'client_id', 'recruiter_id', 'start_date', 'end_date', 'bill_rate', 'pay_rate', 'hours_worked', 'status'],
  timesheets: ['timesheet_id', 'placement_id', 'candidate_id', 'week_ending', 'hours_regular', 'hours_overtime', 'approved', 'submitted_at'],
};

const ID_FORMATS: Record<DemoTable, RegExp> = {
  recruiters: /^REC-\d{4}$/,
  clients: /^CLI-\d{5}$/,
  candidates: /^CAND-\d{6}$/,
  jobs: /^JOB-\d{6}$/,
  placements: /^PLC-\d{7}$/,
  timesheets: /^TS-\d{8}$/,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const MONEY = /^\d+\.\d{2}$/;
const AS_OF = '2025-06-30';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lh-demo-'));
  tempDirs.push(dir);
  return dir;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function column(rows: readonly Row[], name: string): string[] {
  return rows.map((row) => row[name] ?? '');
}

/**
 * Asserts that no item breaks a rule, listing the ones that do. One assertion per table
 * rather than per row keeps the suite fast and the failure message useful.
 */
function expectNoneWhere<T>(
  items: readonly T[],
  breaksRule: (item: T) => boolean,
  rule: string,
): void {
  expect(items.filter(breaksRule).slice(0, 5), rule).toEqual([]);
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).length;
}

describe('demo data generator, small scale', () => {
  const sizes = demoTableSizes('small');
  const progress = new Map<string, number[]>();
  const text = {} as Record<DemoTable, string>;
  const records = {} as Record<DemoTable, Field[][]>;
  const rows = {} as Record<DemoTable, Row[]>;
  let outDir = '';
  let files: DemoTableFile[] = [];

  beforeAll(async () => {
    outDir = tempDir();
    files = await generateDemo({
      scale: 'small',
      outDir,
      onProgress: (table, count) => progress.set(table, [...(progress.get(table) ?? []), count]),
    });
    for (const table of DEMO_TABLES) {
      text[table] = fs.readFileSync(path.join(outDir, `${table}.csv`), 'utf8');
      records[table] = parseCsv(text[table]);
      const [header = [], ...body] = records[table];
      rows[table] = body.map((record) =>
        Object.fromEntries(header.map((name, index) => [name ?? '', record[index] ?? null])),
      );
    }
  });

  afterAll(() => {
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sizes the scales as documented, tables in dependency order', () => {
    expect(DEMO_TABLES).toEqual([
      'recruiters',
      'clients',
      'candidates',
      'jobs',
      'placements',
      'timesheets',
    ]);
    expect(sizes).toEqual({
      recruiters: 50,
      clients: 200,
      candidates: 5_000,
      jobs: 1_000,
      placements: 20_000,
      timesheets: 24_000,
    });
    const fullTotal = Object.values(demoTableSizes('full')).reduce((sum, count) => sum + count, 0);
    expect(fullTotal).toBeGreaterThan(2_300_000);
    expect(fullTotal).toBeLessThan(2_500_000);
    expect(() => demoTableSizes('huge' as 'full')).toThrow(/Unknown demo scale/);
  });

  it('writes one CSV per table and reports its path, rows and bytes', () => {
    expect(files.map((file) => file.table)).toEqual(DEMO_TABLES);
    for (const file of files) {
      const table = file.table as DemoTable;
      expect(file.path).toBe(path.join(outDir, `${table}.csv`));
      expect(file.rows).toBe(sizes[table]);
      expect(rows[table]).toHaveLength(sizes[table]);
      expect(file.bytes).toBe(fs.statSync(file.path).size);
      expect(progress.get(table)?.at(-1)).toBe(sizes[table]);
    }
  });

  it('writes the documented header and a full record on every line', () => {
    for (const table of DEMO_TABLES) {
      expect(records[table][0]).toEqual(COLUMNS[table]);
      const width = COLUMNS[table].length;
      expectNoneWhere(records[table], (record) => record.length !== width, `${table} width`);
    }
  });

  it('encodes canonical RFC 4180: parsing and re-encoding gives the same bytes', () => {
    for (const table of DEMO_TABLES) expect(encodeCsv(records[table])).toBe(text[table]);
  });

  it('never writes an empty string; only an ongoing placement end date is NULL', () => {
    for (const table of DEMO_TABLES) {
      expectNoneWhere(records[table], (record) => record.includes(''), `${table} empty strings`);
      const nullable = table === 'placements' ? ['end_date'] : [];
      const nullColumns = (row: Row) => Object.keys(row).filter((name) => row[name] === null);
      expectNoneWhere(
        rows[table],
        (row) => nullColumns(row).some((name) => !nullable.includes(name)),
        `${table} NULLs`,
      );
    }
  });

  it('is deterministic: same seed and scale give byte-identical files, another seed does not', async () => {
    const again = await generateDemo({ scale: 'small', outDir: tempDir(), seed: 42 });
    for (const [index, file] of again.entries()) {
      expect(sha256(file.path), file.table).toBe(sha256(files[index]?.path ?? ''));
    }
    const otherSeed = await generateDemo({ scale: 'small', outDir: tempDir(), seed: 7 });
    expect(sha256(otherSeed[2]?.path ?? '')).not.toBe(sha256(files[2]?.path ?? ''));
  });

  it('gives every row a unique, well-formed id', () => {
    for (const table of DEMO_TABLES) {
      const ids = column(rows[table], COLUMNS[table][0] ?? '');
      expect(new Set(ids).size).toBe(ids.length);
      expectNoneWhere(ids, (id) => !ID_FORMATS[table].test(id), `${table} id format`);
    }
  });

  it('keeps referential integrity across all foreign keys', () => {
    const recruiterIds = new Set(column(rows.recruiters, 'recruiter_id'));
    const clientIds = new Set(column(rows.clients, 'client_id'));
    const candidateIds = new Set(column(rows.candidates, 'candidate_id'));
    const clientOfJob = new Map(rows.jobs.map((job) => [job.job_id, job.client_id]));
    const candidateOfPlacement = new Map(
      rows.placements.map((p) => [p.placement_id, p.candidate_id]),
    );
    const known = (ids: Set<string>, id: Field) => id !== null && ids.has(id);

    expectNoneWhere(
      rows.clients,
      (c) => !known(recruiterIds, c.account_manager_id),
      'client manager',
    );
    expectNoneWhere(rows.jobs, (job) => !known(clientIds, job.client_id), 'job client');
    expectNoneWhere(rows.jobs, (job) => !known(recruiterIds, job.recruiter_id), 'job recruiter');
    expectNoneWhere(
      rows.placements,
      (p) => !known(candidateIds, p.candidate_id),
      'placement candidate',
    );
    expectNoneWhere(
      rows.placements,
      (p) => !known(recruiterIds, p.recruiter_id),
      'placement recruiter',
    );
    expectNoneWhere(
      rows.placements,
      (p) => p.client_id === null || clientOfJob.get(p.job_id ?? '') !== p.client_id,
      'placement job and its client',
    );
    expectNoneWhere(
      rows.timesheets,
      (t) =>
        t.candidate_id === null ||
        candidateOfPlacement.get(t.placement_id ?? '') !== t.candidate_id,
      'timesheet placement and its candidate',
    );
  });

  it('writes candidates with unique emails, consistent places and well-formed values', () => {
    const candidates = rows.candidates;
    expect(new Set(column(candidates, 'email')).size).toBe(candidates.length);
    const statesOfCity = new Map<string, Set<string>>();
    for (const { city, state } of candidates) {
      statesOfCity.set(city ?? '', (statesOfCity.get(city ?? '') ?? new Set()).add(state ?? ''));
    }
    expect([...statesOfCity.values()].every((states) => states.size === 1)).toBe(true);

    const PHONE = /^(\(\d{3}\) 555-\d{4}|\d{3}-555-\d{4}|\d{3}\.555\.\d{4}|\+1 \d{3} 555 \d{4})$/;
    const rules: Record<string, (candidate: Row) => boolean> = {
      email: (c) => /^[a-z]+\.[a-z]+\d+@example\.(com|net|org)$/.test(c.email ?? ''),
      phone: (c) => PHONE.test(c.phone ?? ''),
      zip: (c) => /^\d{5}$/.test(c.zip ?? ''),
      ssn_last4: (c) => /^\d{4}$/.test(c.ssn_last4 ?? ''),
      dates: (c) => DATE.test(c.date_of_birth ?? '') && TIMESTAMP.test(c.created_at ?? ''),
      status: (c) => /^(active|available|placed|inactive|do_not_contact)$/.test(c.status ?? ''),
      skills: (c) => {
        const skills = (c.skills ?? '').split(';');
        return skills.length >= 2 && skills.length <= 6 && new Set(skills).size === skills.length;
      },
      years_experience: (c) =>
        /^\d+$/.test(c.years_experience ?? '') && Number(c.years_experience) <= 40,
      hourly_rate: (c) => {
        const rate = Number(c.hourly_rate);
        return MONEY.test(c.hourly_rate ?? '') && rate >= 15 && rate <= 120;
      },
    };
    for (const [rule, holds] of Object.entries(rules)) {
      expectNoneWhere(candidates, (candidate) => !holds(candidate), rule);
    }
    expect(column(candidates, 'ssn_last4').some((last4) => last4.startsWith('0'))).toBe(true);
  });

  it('writes resumes of 60 to 120 words, some with quotes and line breaks', () => {
    const resumes = column(rows.candidates, 'resume_text');
    expectNoneWhere(
      resumes,
      (resume) => wordCount(resume) < 60 || wordCount(resume) > 120,
      'length',
    );
    expect(resumes.every((resume) => resume.includes(','))).toBe(true);
    expect(resumes.filter((resume) => resume.includes('"')).length).toBeGreaterThan(50);
    expect(resumes.filter((resume) => resume.includes('\n')).length).toBeGreaterThan(50);
  });

  it('has enough available welders in Denver for the walkthrough', () => {
    const welders = rows.candidates.filter(
      (candidate) =>
        candidate.city === 'Denver' &&
        candidate.state === 'CO' &&
        candidate.status === 'available' &&
        (candidate.skills ?? '').split(';').includes('welding'),
    );
    expect(welders.length).toBeGreaterThanOrEqual(10);
  });

  it('gives some clients a comma in their name, and all clients distinct names', () => {
    const names = column(rows.clients, 'client_name');
    expect(names.filter((name) => name.includes(',')).length).toBeGreaterThan(20);
    expect(new Set(names).size).toBe(names.length);
  });

  it('prices jobs and placements with pay below bill', () => {
    const mispriced = (row: Row) =>
      !MONEY.test(row.bill_rate ?? '') ||
      !MONEY.test(row.pay_rate ?? '') ||
      Number(row.pay_rate) >= Number(row.bill_rate);
    expectNoneWhere([...rows.jobs, ...rows.placements], mispriced, 'pay below bill');
    expect(new Set(column(rows.jobs, 'status'))).toEqual(new Set(['open', 'filled', 'closed']));
  });

  it('leaves about a fifth of placements ongoing, and dates them consistently', () => {
    const ongoingShare =
      rows.placements.filter((placement) => placement.end_date === null).length /
      rows.placements.length;
    expect(ongoingShare).toBeGreaterThan(0.15);
    expect(ongoingShare).toBeLessThan(0.25);
    expectNoneWhere(
      rows.placements,
      (p) => (p.status === 'active') !== (p.end_date === null),
      'active exactly when ongoing',
    );
    expectNoneWhere(
      rows.placements,
      (p) =>
        !DATE.test(p.start_date ?? '') ||
        (p.start_date ?? '') >= (p.end_date ?? AS_OF) ||
        (p.end_date ?? '') > AS_OF ||
        !/^\d+\.\d$/.test(p.hours_worked ?? ''),
      'placement dates and hours',
    );
  });

  it('dates timesheets on Sundays within their placement', () => {
    const placements = new Map(
      rows.placements.map((placement) => [placement.placement_id, placement]),
    );
    const isSunday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 0;
    expectNoneWhere(
      rows.timesheets,
      (timesheet) => {
        const placement = placements.get(timesheet.placement_id ?? '');
        const weekEnding = timesheet.week_ending ?? '';
        return (
          !isSunday(weekEnding) ||
          weekEnding < (placement?.start_date ?? '') ||
          weekEnding > (placement?.end_date ?? AS_OF)
        );
      },
      'week ending',
    );
    expectNoneWhere(
      rows.timesheets,
      (t) =>
        !/^\d+\.\d$/.test(t.hours_regular ?? '') ||
        !/^\d+\.\d$/.test(t.hours_overtime ?? '') ||
        !/^(true|false)$/.test(t.approved ?? '') ||
        !TIMESTAMP.test(t.submitted_at ?? '') ||
        (t.submitted_at ?? '').slice(0, 10) < (t.week_ending ?? ''),
      'timesheet values',
    );
  });
});
