import type { AgencyActivity } from '@pressconf/contracts';
import { agencyCsv } from './agency-csv';

const row = (agencyName: string, press = false): AgencyActivity => ({
  agencyId: 'a0000000-0000-4000-8000-000000000001',
  agencyName,
  press,
  briefs: { requested: 3, onTime: 1, late: 1, missing: 1, nothingToReport: 0, returned: 2 },
  invitations: { invited: 2, delivered: 2, failed: 0, accepted: 1, declined: 0, delegated: 0, silent: 1 },
});

describe('agencyCsv', () => {
  it('starts with a BOM and a Vietnamese header, one CRLF line per agency', () => {
    const csv = agencyCsv([row('Sở Y tế'), row('Báo Đắk Lắk', true)]);
    expect(csv.startsWith('\uFEFFCơ quan,Báo chí,Văn bản được đề nghị,Nộp đúng hạn,Nộp muộn,Không nộp')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('Sở Y tế,Không,3,1,1,1,0,2,2,2,0,1,0,0,1,a0000000-0000-4000-8000-000000000001');
    expect(lines[2].startsWith('Báo Đắk Lắk,Có,')).toBe(true);
    expect(lines[3]).toBe('');
  });

  it('quotes commas and quotes, and defuses what a spreadsheet would run as a formula', () => {
    const csv = agencyCsv([row('Sở Văn hóa, Thể thao và Du lịch'), row('=HYPERLINK("x")')]);
    expect(csv).toContain('\r\n"Sở Văn hóa, Thể thao và Du lịch",Không,');
    expect(csv).toContain('\r\n"\'=HYPERLINK(""x"")",Không,');
  });
});
