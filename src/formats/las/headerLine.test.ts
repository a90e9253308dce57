import { describe, expect, it } from 'vitest';
import { parseHeaderLine } from './headerLine.ts';

const p = (s: string) => parseHeaderLine(s);

describe('parseHeaderLine', () => {
  it('splits MNEM.UNIT VALUE : DESCRIPTION', () => {
    expect(p('STRT.M        1670.000000:   START DEPTH')).toEqual({
      mnemonic: 'STRT',
      unit: 'M',
      value: '1670.000000',
      description: 'START DEPTH',
    });
    expect(p('NULL.           -999.2500:')).toEqual({
      mnemonic: 'NULL',
      unit: '',
      value: '-999.2500',
      description: '',
    });
    expect(p('DEPT .M    : 1 DEPTH')).toEqual({
      mnemonic: 'DEPT',
      unit: 'M',
      value: '',
      description: '1 DEPTH',
    });
  });

  it('keeps colons of time values and of descriptions (lasio issue 201, colon_pick_start.las)', () => {
    expect(p('TIML.hh:mm 23:15 23-JAN-2001:   Time Logger: At Bottom')).toEqual({
      mnemonic: 'TIML',
      unit: 'hh:mm',
      value: '23:15 23-JAN-2001',
      description: 'Time Logger: At Bottom',
    });
    expect(p('STRT.DateTime  2012-09-16T07:44:12-05:00  : START DEPTH')?.value).toBe(
      '2012-09-16T07:44:12-05:00',
    );
    expect(p('QI     .      :         Survey quality: GOOD or BAD')).toEqual({
      mnemonic: 'QI',
      unit: '',
      value: '',
      description: 'Survey quality: GOOD or BAD',
    });
    expect(p('NMR[1] .ms  123 456 789 : NMR Echo Array {A:0 }')?.description).toBe(
      'NMR Echo Array {A:0 }',
    );
  });

  it('reads dots inside mnemonics as lasio does on issue-264-dot-delimiter.las', () => {
    expect(p('Cond..MS/M                     : Cond.')).toEqual({
      mnemonic: 'Cond.',
      unit: 'MS/M',
      value: '',
      description: 'Cond.',
    });
    expect(p('I. Res..OHM-M                  : I. Res.')).toEqual({
      mnemonic: 'I. Res.',
      unit: 'OHM-M',
      value: '',
      description: 'I. Res.',
    });
    expect(p('TopDrive_Torque  .klbf.ft   :Torque')?.unit).toBe('klbf.ft');
    expect(p('COMP.  A..B Co  : COMPANY')?.mnemonic).toBe('COMP');
  });

  it('handles a leading period, an empty mnemonic, bracketed units and lines without a dot', () => {
    expect(p('.ILM .OHMM   :  7  MEDIUM RESISTIVITY')).toMatchObject({
      mnemonic: 'ILM',
      unit: 'OHMM',
    });
    expect(p('.OHMM                   :  5  RXO RESISTIVITY')).toMatchObject({
      mnemonic: '',
      unit: 'OHMM',
    });
    expect(p('DEPT.[M]    :  1  DEPTH')?.unit).toBe('M');
    expect(p('HOLE NUMBER :hole')).toEqual({
      mnemonic: 'HOLE NUMBER',
      unit: '',
      value: 'hole',
      description: '',
    });
    expect(p('DEPTH     DT       RHOB')).toBeNull();
  });
});
