// The committed generated validators (src/validators/generated.ts) are what
// the generator writes from today's schemas, and on the paths where a
// browser reads data (the dataset, the public forms) nothing is handed to
// zod every time. Whether the generated code agrees with zod is checked in
// generated-validators.properties.test.ts, with this zod and the lowest one
// the SDK's peer range allows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateValidators, OUTPUT, SPLIT_MODULES, staleFiles } from '../scripts/generate-validators.js';

/**
 * Schemas read where zod may not be loaded: the dataset (header, agreement,
 * every entity) and what the public forms send. The admin API's wire
 * schemas are checked by the server, which always has zod, so a refinement
 * there may stay zod's own.
 */
const ZOD_FREE = /^(entities\(lang\)\.|DatasetHeaderSchema|DatasetSchema|SignupApplicationSchema|OpportunityOfferSchema|OrganisationSchema|ContactSchema|MeetingSchema|PrincipleSchema|DevelopmentAreaSchema|FollowUpSchema|OpportunitySchema|AgreementSchema)/;

test('the generated file is what the generator writes from today\'s schemas, and every check on the dataset\'s and the public forms\' path is native (nothing handed to zod every time)', () => {
  const { files, fallbacks } = generateValidators();
  assert.deepEqual(staleFiles(files), [], 'src/validators/generated.ts or generated/ is stale: run npm run build (or the generator in packages/sdk/scripts)');
  assert.deepEqual(
    fallbacks.filter((place) => ZOD_FREE.test(place)),
    [],
    'wrap these refinements/transforms as rules (src/validators/rules.ts) so that valid data needs no zod',
  );
});

test('each entity validator is its own export, so that a page bundles only those it reads', async () => {
  const generated = await import('../src/validators/generated.js');
  const code = readFileSync(OUTPUT, 'utf8');
  for (const name of ['Organisation', 'Contact', 'Meeting', 'Principle', 'DevelopmentArea', 'FollowUp', 'Opportunity', 'Agreement']) {
    const exported = `${name[0]!.toLowerCase()}${name.slice(1)}Validator`;
    assert.equal(typeof (generated as Record<string, unknown>)[exported], 'function', name);
    // A top-level binding (not a property of one object made for all) in a module of its own, which bundlers can leave out.
    const own = readFileSync(new URL(`generated/${SPLIT_MODULES[name]}.ts`, new URL('.', `file://${OUTPUT}`)), 'utf8');
    assert.match(own, new RegExp(`^export const ${exported}: GeneratedValidator = v\\d+;$`, 'm'));
    assert.match(code, new RegExp(`^export \\{ ${exported} \\} from './generated/${SPLIT_MODULES[name]}.js';$`, 'm'));
  }
  assert.doesNotMatch(code, /^export function entityValidators/m);
});

test('each schema without a default language whose entity has one (OrganisationSchema …) is written once: the entity\'s function, called with undefined for the language', () => {
  const code = readFileSync(OUTPUT, 'utf8');
  for (const name of ['Organisation', 'Contact', 'Meeting', 'Principle', 'DevelopmentArea', 'FollowUp', 'Opportunity', 'Agreement']) {
    const own = readFileSync(new URL(`generated/${SPLIT_MODULES[name]}.ts`, new URL('.', `file://${OUTPUT}`)), 'utf8');
    const fn = new RegExp(`^export const \\w+Validator: GeneratedValidator = (v\\d+);$`, 'm').exec(own)?.[1];
    assert.ok(fn, name);
    assert.match(code, new RegExp(`^export const ${name}Schema = \\(v: any\\): any => ${fn}\\(v, undefined\\);$`, 'm'), `${name}Schema is not ${name}'s function`);
    assert.match(code, new RegExp(`^import \\{[^}]*\\b${fn}\\b[^}]*\\} from './generated/${SPLIT_MODULES[name]}.js';$`, 'm'));
  }
  // No function of generated.ts is written again in a split module.
  const functions = (text: string) => [...text.matchAll(/^(?:export )?function v\d+(\([^]*?\n\})/gm)].map((match) => match[1]!);
  const split = new Set(Object.values(SPLIT_MODULES).concat('shared').flatMap((module) => functions(readFileSync(new URL(`generated/${module}.ts`, new URL('.', `file://${OUTPUT}`)), 'utf8'))));
  assert.deepEqual(functions(code).filter((body) => split.has(body)), []);
});

test('datasetValidators gives a progressive check only the entity validators handed in, bound to the dataset\'s language; the finished result is parseDataset\'s', async () => {
  const { datasetValidators, agreementValidator, organisationValidator, checkDataset, parseDataset } = await import('@samverkan/sdk');
  const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));
  const validators = datasetValidators({ Agreement: agreementValidator, Organisation: organisationValidator });
  const sv = validators.entities('sv');
  assert.deepEqual(Object.keys(sv), ['Agreement', 'Organisation']);
  assert.equal(validators.entities('sv'), sv, 'bound once per language');
  // The default language is the one bound: a text only in English passes for "en", not for "sv".
  const englishOnly = { ...demo.organisations[0], description: { en: 'In English only' } };
  assert.equal(typeof validators.entities('en').Organisation(englishOnly), 'object');
  assert.equal(typeof sv.Organisation(englishOnly), 'symbol');
  const started = checkDataset(structuredClone(demo), { validators });
  const check = started instanceof Promise ? await started : started;
  assert.deepEqual(await check.finish(), parseDataset(structuredClone(demo)));
});

test('validatorsFor has a validator for every entity schema buildEntitySchemas makes, and no other', async () => {
  const { validatorsFor } = await import('../src/validators/index.js');
  const { entitySchemas } = await import('../src/schemas/index.js');
  assert.deepEqual(Object.keys(validatorsFor('sv')).sort(), Object.keys(entitySchemas('sv')).sort());
});
