import { signs, type Dataset, type Organisation, type SignupApplication } from '@samverkan/sdk';

/**
 * Today's date (`YYYY-MM-DD`) in a time zone: the date a municipality's
 * officer would write on the decision, not the server's UTC date.
 */
export function dateInTimeZone(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `"Föreningen Ängen"` → `"foreningen-angen"`: an id-safe slug, at most 48 characters. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'organisation';
}

/**
 * The signatory an approved application adds to the dataset (`via:
 * "written-application"`, signed today in the dataset's time zone).
 *
 * Only organisation facts are published: name, number, form, website,
 * e-mail, phone, description, districts, activities and the language the
 * form was filled in. The contact person and the message stay in the store.
 * When the dataset already lists the organisation (same organisation
 * number) without a signature, that entry becomes the signatory instead of a
 * duplicate.
 */
export function signatoryFromApplication(
  applicationId: string,
  application: SignupApplication,
  dataset: Pick<Dataset, 'organisations' | 'timeZone'>,
  at: Date,
): Organisation {
  const signature = { signedOn: dateInTimeZone(at, dataset.timeZone), via: 'written-application' as const };
  const { organisation: org } = application;
  if (org.organisationNumber) {
    const listed = dataset.organisations.find((o) => o.organisationNumber === org.organisationNumber && !signs(o));
    if (listed) return { ...listed, signature };
  }
  const ids = new Set(dataset.organisations.map((o) => o.id));
  const base = slugify(org.name);
  const suffix = applicationId.replace(/[^a-z0-9]/gi, '').toLowerCase();
  let id = `${base}-${suffix.slice(0, 8)}`;
  if (ids.has(id)) id = `${base}-${suffix}`;
  const out: Organisation = {
    id,
    name: org.name,
    form: org.form,
    districts: org.districts ?? [],
    activities: org.activities ?? [],
    languages: [application.language],
    signature,
  };
  if (org.organisationNumber) out.organisationNumber = org.organisationNumber;
  if (org.website) out.website = org.website;
  if (org.email) out.email = org.email;
  if (org.phone) out.phone = org.phone;
  if (org.description) out.description = org.description;
  return out;
}
