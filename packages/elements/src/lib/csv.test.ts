import { expect } from '@open-wc/testing';
import { csvField, toCsv } from './csv.js';

describe('csv', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).to.equal('plain');
    expect(csvField('a,b')).to.equal('"a,b"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField('two\nlines')).to.equal('"two\nlines"');
  });

  it('keeps numbers and empties as they are', () => {
    expect(csvField(-5)).to.equal('-5');
    expect(csvField(50)).to.equal('50');
    expect(csvField(undefined)).to.equal('');
    expect(csvField(null)).to.equal('');
    expect(csvField(true)).to.equal('true');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).to.equal(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).to.equal("'+1");
    expect(csvField('@SUM(A1)')).to.equal("'@SUM(A1)");
  });

  it('writes a header and CRLF-terminated rows', () => {
    expect(toCsv(['CIDR', 'Next hop'], [['10.0.0.0/8', 'vpc-1'], ['10.1.0.0/16', undefined]])).to.equal(
      'CIDR,Next hop\r\n10.0.0.0/8,vpc-1\r\n10.1.0.0/16,\r\n',
    );
  });
});
