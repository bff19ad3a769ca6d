import { expect } from '@open-wc/testing';
import { formatClockTime, formatWait } from './format.js';

describe('format: waits and clock times in the reader\'s language', () => {
  it('says a wait in seconds under a minute and a half, else in whole minutes rounded up', () => {
    expect(formatWait(45, 'sv')).to.equal('om 45 sekunder');
    expect(formatWait(0, 'sv')).to.equal('om 1 sekund');
    expect(formatWait(89, 'en')).to.equal('in 89 seconds');
    expect(formatWait(90, 'en')).to.equal('in 2 minutes');
    expect(formatWait(181, 'sv')).to.equal('om 4 minuter');
  });

  it('writes the reader\'s clock time, 24-hour for en (British), 12-hour only for en-US', () => {
    const at = new Date(2026, 0, 15, 14, 32);
    expect(formatClockTime(at, 'sv')).to.equal('14:32');
    expect(formatClockTime(at, 'en')).to.equal('14:32');
    expect(formatClockTime(at, 'en-US')).to.match(/^02:32\sPM$/);
  });
});
