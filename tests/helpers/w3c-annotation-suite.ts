import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv-draft-04';

/**
 * The W3C Web Annotation model test suite (w3c/web-annotation-tests, vendored under
 * tests/fixtures/w3c-annotation-model): each of its MUST tests lists "assertions", JSON schemas
 * (draft-04) that a serialization must satisfy. Nothing is fetched: the schemas are read from disk.
 */
export const SUITE_DIR = path.join(__dirname, '..', 'fixtures', 'w3c-annotation-model');

/** The suite's three MUST tests: one Annotation, one Collection, one Page (or a Collection with its page embedded). */
export const MUST_TESTS = {
  annotation: 'annotations/annotationMusts.test',
  collection: 'collections/collectionMusts.test',
  page: 'collections/pages/pageMusts.test',
} as const;
export type MustTest = keyof typeof MUST_TESTS;

export interface AssertionFailure {
  assertion: string;
  message: string;
}

interface SuiteTest {
  assertions: string[];
}

function readJson(relative: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SUITE_DIR, relative), 'utf8')) as Record<string, unknown>;
}

/**
 * Compiles every assertion of the MUST tests once. The schemas name each other by bare file names
 * ("annotations.json#/definitions/…"), so every definition and assertion is added under its own
 * draft-04 `id`; the suite's bookkeeping keys (assertionType, expectedResult, …) are declared as
 * annotations so Ajv's strict mode still catches anything else unknown.
 */
function compileSuite(): { assertionsOf: Record<MustTest, string[]>; validators: Map<string, ValidateFunction> } {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false, strictRequired: false });
  addFormats(ajv);
  ajv.addVocabulary(['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage']);
  for (const file of readdirSync(path.join(SUITE_DIR, 'definitions'))) ajv.addSchema(readJson(`definitions/${file}`));
  const assertionsOf = Object.fromEntries(
    Object.entries(MUST_TESTS).map(([name, file]) => [name, (readJson(file) as unknown as SuiteTest).assertions]),
  ) as Record<MustTest, string[]>;
  const validators = new Map<string, ValidateFunction>();
  for (const assertion of new Set(Object.values(assertionsOf).flat())) {
    const schema = readJson(assertion);
    if (schema.assertionType !== 'must' || schema.expectedResult !== 'valid') throw new Error(`${assertion} is not a MUST assertion expecting "valid"`);
    validators.set(assertion, ajv.compile(schema));
  }
  return { assertionsOf, validators };
}

let compiled: ReturnType<typeof compileSuite> | null = null;

/** The assertion files a MUST test lists. */
export function mustAssertions(test: MustTest): string[] {
  compiled ??= compileSuite();
  return compiled.assertionsOf[test];
}

/** Runs every assertion of a MUST test against one JSON-LD object; returns the assertions it fails. */
export function mustFailures(test: MustTest, json: unknown): AssertionFailure[] {
  compiled ??= compileSuite();
  const { validators } = compiled;
  return mustAssertions(test).flatMap((assertion) => {
    const validate = validators.get(assertion) as ValidateFunction;
    if (validate(json)) return [];
    const errors = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
    return [{ assertion, message: errors.join('; ') }];
  });
}

/**
 * An annotation of a collection as it would stand alone: the suite tests a single Annotation,
 * which carries its own @context; within a collection the items inherit the collection's.
 */
export function standalone(item: object, context: unknown): object {
  return { '@context': context, ...item };
}
