import { expect } from '@open-wc/testing';
import { isValidOrganisationNumber, isValidationError, parseDataset, pickText, readDataset } from '@samverkan/sdk';

// The data model runs in browsers as it does in Node: the elements validate
// every dataset they read with it.
describe('the data model in Chromium', () => {
  it('reads the demo dataset over HTTP with no issues', async () => {
    const response = await fetch('/examples/data/sodertalje.json');
    const { dataset, issues } = parseDataset(await response.json());
    expect(issues).to.deep.equal([]);
    expect(dataset.principles).to.have.length(7);
    expect(dataset.organisations.length).to.be.at.least(60);
    expect(pickText(dataset.principles[0]!.title, 'en', dataset.defaultLanguage).fallback).to.equal(false);
  });

  it('drops an entry with a javascript: URL and names its path', async () => {
    const data = await (await fetch('/examples/data/sodertalje.json')).json();
    data.organisations[2].website = 'javascript:alert(document.cookie)';
    const { dataset, issues } = parseDataset(data);
    expect(issues.map((i) => i.path)).to.deep.equal(['organisations[2].website']);
    expect(dataset.organisations.some((o) => o.website?.startsWith('javascript'))).to.equal(false);
  });

  it('throws a ValidationError for a broken top level', () => {
    let caught: unknown;
    try {
      parseDataset({ schemaVersion: '1' });
    } catch (error) {
      caught = error;
    }
    expect(isValidationError(caught)).to.equal(true);
  });

  it('readDataset says where a broken text breaks, with the code for it loaded only then', async () => {
    const text = await (await fetch('/examples/data/sodertalje.json')).text();
    let caught: unknown;
    try {
      await readDataset(`${text.slice(0, text.indexOf('"organisations"'))}"organisations": [}`);
    } catch (error) {
      caught = error;
    }
    expect(isValidationError(caught), String(caught)).to.equal(true);
    const issue = (caught as { issues: { code: string; message: string }[] }).issues[0]!;
    expect(issue.code).to.equal('invalid-json');
    expect(issue.message).to.match(/^is not valid JSON: line \d+, column \d+: /);
  });

  it('checks organisation numbers', () => {
    expect(isValidOrganisationNumber('802480-1238')).to.equal(true);
    expect(isValidOrganisationNumber('802480-1239')).to.equal(false);
  });
});
