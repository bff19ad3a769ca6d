// Generates a large, valid Samverkan dataset (schemaVersion "1") for benchmarks.
//
//   import { generateDataset } from './bench/generate-dataset.mjs';
//   const dataset = generateDataset({ organisations: 5000, meetings: 2000, contacts: 500, seed: 1 });
//
//   node bench/generate-dataset.mjs [out.json] [--organisations=N] [--meetings=N] [--contacts=N] [--seed=N] [--pretty]
//
// Writes compact JSON (about 5 MB at the defaults 5000/2000/500; --pretty indents
// by two spaces, about 7 MB) to out.json, or to stdout without a file name.
// No dependencies. The output is deterministic for a given seed. The agreement,
// principles and development areas come from examples/data/sodertalje.json;
// organisations, contacts and meetings are generated (all fictional: e-mail
// addresses under example.org, phone numbers in the ranges PTS reserves for fiction).

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEMO_URL = new URL('../examples/data/sodertalje.json', import.meta.url);
let demo;
function loadDemo() {
  demo ??= JSON.parse(readFileSync(DEMO_URL, 'utf8'));
  return demo;
}

/** mulberry32: small, fast, deterministic PRNG returning numbers in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Luhn check digit over the first nine digits (weights 2,1,2,1,… from the left). */
export function luhnCheckDigit(nine) {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

// ---------------------------------------------------------------------------
// Europe/Stockholm offsets (EU rule: summer time from the last Sunday of March
// 01:00 UTC to the last Sunday of October 01:00 UTC).

function lastSunday(year, month /* 1-12 */) {
  const last = new Date(Date.UTC(year, month, 0)); // last day of the month
  return last.getUTCDate() - last.getUTCDay();
}

/** UTC offset ("+01:00" or "+02:00") of a Stockholm wall-clock time. Times in the
 *  skipped/repeated hour (02:00–03:00 on switch days) are never generated. */
export function stockholmOffset(year, month, day, hour) {
  const start = lastSunday(year, 3);
  const end = lastSunday(year, 10);
  let summer;
  if (month > 3 && month < 10) summer = true;
  else if (month < 3 || month > 10) summer = false;
  else if (month === 3) summer = day > start || (day === start && hour >= 3);
  else summer = day < end || (day === end && hour < 3);
  return summer ? '+02:00' : '+01:00';
}

const pad = (n) => String(n).padStart(2, '0');
function localDateTime(year, month, day, hour, minute) {
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00${stockholmOffset(year, month, day, hour)}`;
}

// ---------------------------------------------------------------------------
// Vocabulary

const FORMS = ['non-profit-association', 'foundation', 'faith-community', 'study-association', 'cooperative', 'popular-movement', 'other'];
const FORM_WEIGHTS = [60, 8, 8, 4, 6, 8, 6];
const DISTRICTS = ['Centrum', 'Östertälje', 'Västergård', 'Brunnsäng', 'Ronna', 'Geneta', 'Hovsjö', 'Fornhöjden', 'Järna', 'Hölö', 'Mölnbo', 'Enhörna', 'Pershagen', 'Glasberga', 'Saltskog', 'Lina', 'Bergvik', 'Blombacka', 'Viksberg', 'Tveta', 'Ytterjärna', 'Vårdinge'];
const PLACES = [...DISTRICTS, 'Åsa', 'Åby', 'Åkerby', 'Ängsholmen', 'Älvnäs', 'Ärlinge', 'Örnäs', 'Ösby', 'Öbacka', 'Kvarnsjö', 'Lindö', 'Björkvik', 'Sjöberga', 'Tallåsen', 'Stensund', 'Höglunda', 'Näsby', 'Ekdalen'];
const NAME_WORDS = ['Lärkan', 'Måsen', 'Ekorren', 'Tranan', 'Glöden', 'Källan', 'Bron', 'Fyren', 'Gnistan', 'Vågen', 'Ankaret', 'Stjärnan', 'Solrosen', 'Eken', 'Lyktan', 'Ugglan', 'Vinden', 'Nyckeln', 'Ängen', 'Ådran', 'Ödlan', 'Älgen', 'Åkern', 'Örnen', 'Résonance', 'Égalité', 'Café Noir', 'Crème', 'Zoë', 'Mañana', 'Čaj', 'Nahrin', 'Newroz', 'Simorgh', 'Kuusi', 'Sisu', 'Ruža', 'Halay', 'Hiddo', 'Baran', 'Aurora', 'Polstjärnan', 'Bäcken', 'Tornet', 'Knuten', 'Forsen', 'Hamnen', 'Kompassen'];
const ACTIVITIES = [
  ['idrott', 'sport'], ['kultur', 'culture'], ['musik', 'music'], ['läxhjälp', 'homework help'], ['språkcafé', 'language café'], ['äldre', 'older people'],
  ['ungdom', 'young people'], ['integration', 'integration'], ['miljö', 'the environment'], ['friluftsliv', 'outdoor life'], ['matbank', 'food bank'], ['hälsa', 'health'],
  ['studiecirklar', 'study circles'], ['dans', 'dance'], ['teater', 'theatre'], ['konst', 'art'], ['fotboll', 'football'], ['schack', 'chess'], ['odling', 'gardening'],
  ['volontärer', 'volunteers'], ['föräldrastöd', 'parenting support'], ['trygghet', 'safety'], ['tro', 'faith'], ['litteratur', 'literature'], ['hantverk', 'crafts'],
  ['jämställdhet', 'gender equality'], ['demokrati', 'democracy'], ['parasport', 'parasport'], ['scouting', 'scouting'], ['körsång', 'choir singing'], ['arbetsträning', 'work training'],
];
// [indefinite form used after a place name (null: not used that way), definite form used before a name, main activity]
const TYPE_WORDS = {
  'non-profit-association': [
    ['Idrottsförening', 'Idrottsföreningen', 'idrott'], ['Konstförening', 'Konstföreningen', 'konst'], ['Kulturförening', 'Kulturföreningen', 'kultur'],
    ['Musikförening', 'Musikföreningen', 'musik'], ['Pensionärsförening', 'Pensionärsföreningen', 'äldre'], ['Fotbollsklubb', 'Fotbollsklubben', 'fotboll'],
    ['Schackklubb', 'Schackklubben', 'schack'], ['Teatersällskap', 'Teatersällskapet', 'teater'], ['Odlarförening', 'Odlarföreningen', 'odling'],
    ['Scoutkår', 'Scoutkåren', 'scouting'], ['Kvinnoförening', 'Kvinnoföreningen', 'integration'], ['Ungdomsförening', 'Ungdomsföreningen', 'ungdom'],
    ['Läxhjälpsförening', 'Läxhjälpsföreningen', 'läxhjälp'], ['Dansförening', 'Dansföreningen', 'dans'], ['Naturvänner', 'Naturvännerna', 'friluftsliv'],
    ['Språkvänner', 'Språkvännerna', 'språkcafé'], ['Kör', 'Kören', 'körsång'], ['Parasportklubb', 'Parasportklubben', 'parasport'],
    ['Hembygdsförening', 'Hembygdsföreningen', 'kultur'], ['Friluftsförening', 'Friluftsföreningen', 'friluftsliv'],
  ],
  foundation: [[null, 'Stiftelsen', 'volontärer'], [null, 'Stiftelsen', 'matbank'], [null, 'Stiftelsen', 'ungdom'], [null, 'Stiftelsen', 'miljö']],
  'faith-community': [['Församling', 'Församlingen', 'tro'], ['Kyrka', 'Kyrkan', 'tro'], ['Moskéförening', 'Moskéföreningen', 'tro'], ['Kristna Gemenskap', 'Kristna Gemenskapen', 'tro']],
  'study-association': [['Studieförbund', 'Studieförbundet', 'studiecirklar'], ['Folkbildningsförening', 'Folkbildningsföreningen', 'studiecirklar'], ['Studiecirkelförbund', 'Studiecirkelförbundet', 'demokrati']],
  cooperative: [[null, 'Kooperativet', 'arbetsträning'], [null, 'Föräldrakooperativet', 'ungdom'], [null, 'Ekonomiska Föreningen', 'hantverk']],
  'popular-movement': [['Hyresgästgrupp', 'Hyresgästgruppen', 'trygghet'], ['Nykterhetssällskap', 'Nykterhetssällskapet', 'hälsa'], ['Seniorrörelse', 'Seniorrörelsen', 'äldre'], ['Grannsamverkan', 'Grannsamverkan', 'trygghet'], ['Kvinnorörelse', 'Kvinnorörelsen', 'jämställdhet']],
  other: [[null, 'Nätverket', 'volontärer'], [null, 'Kollektivet', 'konst'], [null, 'Samarbetsrådet', 'demokrati'], [null, 'Lokalföreningen', 'friluftsliv']],
};
const LANGS = ['en', 'fi', 'ar', 'syc', 'tr', 'so', 'fa', 'ku', 'sr', 'bs', 'ti', 'pl', 'es', 'fr', 'de', 'am', 'ur'];
const FIRST = ['Anna', 'Erik', 'Maja', 'Lars', 'Sara', 'Johan', 'Karin', 'Ahmed', 'Fatima', 'Gabriel', 'Nahrin', 'Elias', 'Hodan', 'Abdi', 'Aila', 'Mikko', 'Shirin', 'Reza', 'Rojda', 'Deniz', 'Amra', 'Jelena', 'Ninos', 'Ninve', 'Sargon', 'Åsa', 'Örjan', 'Åke', 'Ebba', 'Noémie', 'Léa', 'José', 'Zoë', 'Ülkü', 'Björn', 'Göran', 'Ingrid', 'Yusuf', 'Leyla', 'Tove', 'Oskar', 'Linnea', 'Hanna', 'Samuel', 'Rima', 'Tariq', 'Marta', 'Daniel'];
const LAST = ['Lindqvist', 'Åkesson', 'Östlund', 'Sjöberg', 'Hägg', 'Warsame', 'Ishak', 'Malke', 'Haddad', 'Vestin', 'Strand', 'Mattsson', 'Ekholm', 'Nyqvist', 'Mohammadi', 'Berglöf', 'Dahlgren', 'Moreau', 'Aydin', 'Koskinen', 'Jama', 'Baran', 'Karimi', 'Hodžić', 'Yıldız', 'Runesson', 'Lundh', 'Ferm', 'Osman', 'Holm', 'Wik', 'Lindahl', 'Grön', 'Öberg', 'Ängström', 'Tesfay', 'Kowalska', 'Gevriye', 'Rönnberg', 'Palm', 'Demir', 'Forsman', 'Söderberg', 'Marković', 'Nasser', 'Saliba'];
const VENUES = [
  { name: 'Föreningarnas hus', address: 'Kanalvägen 12, 151 72 Södertälje' },
  { name: 'Stadshuset, sammanträdesrum Maren', address: 'Stadshustorget 1, 151 89 Södertälje' },
  { name: 'Hovsjö träffpunkt', address: 'Hovsjövägen 40, 151 58 Södertälje' },
  { name: 'Järna kulturhus', address: 'Storgatan 8, 153 30 Järna' },
  { name: 'Geneta bibliotek', address: 'Genetaplan 3, 151 55 Södertälje' },
  { name: 'Östertälje fritidsgård', address: 'Östertäljevägen 21, 151 48 Södertälje' },
  { name: 'Hölö bygdegård', address: 'Bygdegårdsvägen 2, 153 94 Hölö' },
];
const KINDS = [
  ['dialogue-meeting', 30, ['Dialogmöte', 'Dialogue meeting']],
  ['dialogue-forum', 4, ['Dialogforum', 'Dialogue forum']],
  ['collaboration-group', 30, ['Samverkansgruppens möte', 'Collaboration group meeting']],
  ['workshop', 14, ['Workshop', 'Workshop']],
  ['information-meeting', 14, ['Informationsmöte', 'Information meeting']],
  ['other', 8, ['Föreningsträff', 'Association get-together']],
];
const THEMES = [
  ['lokaler för föreningslivet', 'premises for associations'], ['föreningsbidrag', 'grants for associations'], ['volontärer', 'volunteers'],
  ['barn och ungas fritid', "children's and young people's leisure time"], ['idéburet offentligt partnerskap', 'non-profit public partnership'],
  ['integration', 'integration'], ['trygghet i bostadsområdet', 'safety in the neighbourhood'], ['ofrivillig ensamhet', 'loneliness'],
  ['information på flera språk', 'information in several languages'], ['utvecklingsplanen', 'the development plan'], ['klimat och miljö', 'climate and the environment'],
];

function slugify(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i').replace(/đ/g, 'd').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function makeRandom(seed) {
  const r = mulberry32(seed);
  const int = (n) => Math.floor(r() * n);
  const pick = (arr) => arr[int(arr.length)];
  const weighted = (items, weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = r() * total;
    for (let i = 0; i < items.length; i++) { x -= weights[i]; if (x < 0) return items[i]; }
    return items[items.length - 1];
  };
  const sample = (arr, n) => {
    const copy = [...arr];
    const out = [];
    while (out.length < n && copy.length) out.push(copy.splice(int(copy.length), 1)[0]);
    return out;
  };
  return { r, int, pick, weighted, sample };
}

function uniqueIn(set, base) {
  let id = base;
  for (let i = 2; set.has(id); i++) id = `${base}-${i}`;
  set.add(id);
  return id;
}

const joinList = (items, and) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);
const dayString = (d) => d.toISOString().slice(0, 10);
const mobilePhone = (n) => `070-174 06 ${pad(5 + (n % 95))}`; // 070-174 06 05 … 99
const landlinePhone = (n) => `08-465 004 ${pad(n % 100)}`; // 08-465 004 00 … 99

/**
 * @param {{ organisations?: number, meetings?: number, contacts?: number, seed?: number }} [options]
 * @returns {object} a dataset in the schemaVersion "1" format
 */
export function generateDataset({ organisations = 5000, meetings = 2000, contacts = 500, seed = 1 } = {}) {
  const base = loadDemo();
  const { r, int, pick, weighted, sample } = makeRandom(seed);
  const adoptedOn = base.agreement.adoptedOn;
  const forumDates = ['2023-11-18', '2024-11-16', '2025-11-15', '2026-11-14'];
  const adopted = Date.parse(`${adoptedOn}T12:00:00Z`);
  const cutoff = Date.parse('2026-11-19T12:00:00Z');

  // Organisations ----------------------------------------------------------
  const orgIds = new Set();
  const orgNames = new Set();
  const orgNumbers = new Set(['2120000142']);
  const orgs = [];
  for (let i = 0; i < organisations; i++) {
    const form = weighted(FORMS, FORM_WEIGHTS);
    const [indefinite, definite, mainActivity] = pick(TYPE_WORDS[form]);
    const place = pick(PLACES);
    const word = pick(NAME_WORDS);
    // "Ronna Schackklubb" or "Schackklubben Lärkan" / "Stiftelsen Lärkan i Järna"
    const name0 = indefinite && r() < 0.5 ? `${place} ${indefinite}` : `${definite} ${word}${r() < 0.3 ? ` i ${place}` : ''}`;
    let name = name0;
    if (orgNames.has(name)) name = `${name} ${pick(DISTRICTS)}`;
    for (let n = 2; orgNames.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
    orgNames.add(name);
    const id = uniqueIn(orgIds, slugify(name));

    const org = { id, name };
    if (r() < 0.9) {
      const prefix = form === 'cooperative' ? '769' : '802';
      let full;
      do {
        let nine = prefix;
        while (nine.length < 9) nine += int(10);
        full = nine + luhnCheckDigit(nine);
      } while (orgNumbers.has(full));
      orgNumbers.add(full);
      org.organisationNumber = `${full.slice(0, 6)}-${full.slice(6)}`;
    }
    org.form = form;
    const districts = sample(DISTRICTS, 1 + int(3));
    const activities = [mainActivity, ...sample(ACTIVITIES.map((a) => a[0]).filter((a) => a !== mainActivity), int(3))];
    const actEn = (sv) => ACTIVITIES.find((a) => a[0] === sv)?.[1] ?? sv;
    org.description = {
      sv: `Verksamhet: ${activities.join(', ')}. Finns i ${joinList(districts, 'och')}. Alla är välkomna, oavsett bakgrund.`,
      en: `Activities: ${activities.map(actEn).join(', ')}. Active in ${joinList(districts, 'and')}. Everyone is welcome, whatever their background.`,
    };
    if (r() < 0.85) org.website = `https://${id}.example.org`;
    if (r() < 0.95) org.email = `info@${id}.example.org`;
    if (r() < 0.75) org.phone = r() < 0.7 ? mobilePhone(i) : landlinePhone(i);
    org.districts = districts;
    org.activities = activities;
    org.languages = ['sv', ...sample(LANGS, int(4))];
    if (r() < 0.8) {
      const x = r();
      if (x < 0.3) org.signature = { signedOn: adoptedOn, via: 'adoption' };
      else if (x < 0.6) org.signature = { signedOn: pick(forumDates), via: 'dialogue-forum' };
      else org.signature = { signedOn: dayString(new Date(adopted + r() * (cutoff - adopted))), via: 'written-application' };
    }
    if (r() < 0.85) {
      const first = pick(FIRST);
      const contact = { name: `${first} ${pick(LAST)}`, email: `${slugify(first)}@${id}.example.org` };
      if (r() < 0.4) contact.phone = mobilePhone(i + 37);
      org.collaborationContact = contact;
    }
    orgs.push(org);
  }

  // Contacts ---------------------------------------------------------------
  const baseContacts = base.contacts;
  const roles = baseContacts.map((c) => ({ title: c.title, unit: c.unit })); // keeps titles with their units
  const topics = [...new Map(baseContacts.flatMap((c) => c.topics).map((t) => [JSON.stringify(t), t])).values()];
  const principleIds = base.principles.map((p) => p.id);
  const contactIds = new Set();
  const emails = new Set();
  const people = [];
  for (let i = 0; i < contacts; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const name = `${first} ${last}`;
    const id = uniqueIn(contactIds, slugify(name));
    const email = `${uniqueIn(emails, `${slugify(first)}.${slugify(last)}`).replace(/-/g, '.')}@example.org`;
    const role = pick(roles);
    const person = {
      id,
      name,
      title: role.title,
      unit: role.unit,
      topics: sample(topics, 1 + int(4)),
      email,
    };
    if (r() < 0.9) person.phone = landlinePhone(i);
    person.languages = ['sv', ...sample(LANGS, int(3))];
    person.principles = sample(principleIds, int(4));
    people.push(person);
  }

  // Meetings ---------------------------------------------------------------
  const meetingIds = new Set();
  const list = [];
  const first = Date.UTC(2026, 0, 1);
  const days = 730; // 2026-01-01 … 2027-12-31
  for (let i = 0; i < meetings; i++) {
    const [kind, , [titleSv, titleEn]] = weighted(KINDS, KINDS.map((k) => k[1]));
    const [themeSv, themeEn] = pick(THEMES);
    const date = new Date(first + int(days) * 86400000);
    const y = date.getUTCFullYear();
    const mo = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const startHour = 8 + int(11); // 08 … 18
    const startMinute = pick([0, 0, 15, 30, 45]);
    const durationMinutes = kind === 'dialogue-forum' ? 300 + 30 * int(4) : 60 + 30 * int(6);
    const endTotal = Math.min(startHour * 60 + startMinute + durationMinutes, 23 * 60 + 30);
    const id = uniqueIn(meetingIds, `${kind}-${y}-${pad(mo)}-${pad(d)}`);
    const meeting = {
      id,
      title: { sv: `${titleSv}: ${themeSv}`, en: `${titleEn}: ${themeEn}` },
      kind,
      start: localDateTime(y, mo, d, startHour, startMinute),
      end: localDateTime(y, mo, d, Math.floor(endTotal / 60), endTotal % 60),
    };
    meeting.location = r() < 0.15
      ? { onlineUrl: `https://meet.example.org/${id}` }
      : { ...pick(VENUES) };
    meeting.description = {
      sv: `${titleSv} mellan idéburen sektor och kommunen. Tema: ${themeSv}.`,
      en: `${titleEn} between the non-profit sector and the municipality. Theme: ${themeEn}.`,
    };
    if (r() < 0.4) meeting.registrationUrl = `https://www.example.org/anmalan/${id}`;
    meeting.languages = ['sv', ...sample(LANGS, int(3))];
    const s = r();
    meeting.status = s < 0.03 ? 'cancelled' : s < 0.05 ? 'postponed' : 'scheduled';
    list.push(meeting);
  }
  list.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));

  return {
    schemaVersion: '1',
    updatedAt: base.updatedAt,
    defaultLanguage: base.defaultLanguage,
    languages: base.languages,
    timeZone: base.timeZone,
    agreement: base.agreement,
    principles: base.principles,
    developmentAreas: base.developmentAreas,
    organisations: orgs,
    contacts: people,
    meetings: list,
  };
}

// CLI ------------------------------------------------------------------------
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = {};
  let out;
  let pretty = false;
  for (const arg of process.argv.slice(2)) {
    const m = /^--(organisations|meetings|contacts|seed)=(\d+)$/.exec(arg);
    if (m) options[m[1]] = Number(m[2]);
    else if (arg === '--pretty') pretty = true;
    else if (!arg.startsWith('--')) out = arg;
    else {
      console.error(`Unknown option ${arg}\nUsage: node bench/generate-dataset.mjs [out.json] [--organisations=N] [--meetings=N] [--contacts=N] [--seed=N] [--pretty]`);
      process.exit(2);
    }
  }
  const json = JSON.stringify(generateDataset(options), null, pretty ? 2 : undefined) + '\n';
  if (out) writeFileSync(out, json);
  else process.stdout.write(json);
}
