import type { AgendaItem } from '@pressconf/contracts';
import { mailAgenda, scheduledAgenda } from './agenda';

const announced: AgendaItem[] = [
  { title: 'Khai mạc', presenterName: 'Lê Quang Minh', durationMinutes: 10, startsAt: '2027-03-15T02:00:00.000Z' },
  {
    title: 'Tình hình đất đai',
    presenterAgencyId: '6f1d4c2e-0000-4000-8000-000000000001',
    presenterAgencyName: 'Sở Nông nghiệp và Môi trường',
    presenterName: 'Đỗ Thị Lan',
    presenterTitle: 'Phó Giám đốc',
    durationMinutes: 30,
    startsAt: '2027-03-15T02:10:00.000Z',
  },
  { title: 'Trao đổi', durationMinutes: 20, startsAt: '2027-03-15T02:40:00.000Z' },
];

describe('the agenda as shown', () => {
  it('keeps the announced times while the conference keeps its start', () => {
    expect(scheduledAgenda(announced, new Date('2027-03-15T02:00:00Z'))).toEqual(announced);
  });

  it('follows a reschedule announced after the agenda', () => {
    expect(scheduledAgenda(announced, new Date('2027-03-16T07:00:00Z')).map((i) => i.startsAt)).toEqual([
      '2027-03-16T07:00:00.000Z',
      '2027-03-16T07:10:00.000Z',
      '2027-03-16T07:40:00.000Z',
    ]);
  });

  it('names the presenter by name, title and agency, as far as they are known', () => {
    expect(mailAgenda(announced, new Date('2027-03-15T02:00:00Z'))).toEqual([
      { title: 'Khai mạc', presenter: 'Lê Quang Minh', durationMinutes: 10, startsAt: '2027-03-15T02:00:00.000Z' },
      {
        title: 'Tình hình đất đai',
        presenter: 'Đỗ Thị Lan, Phó Giám đốc, Sở Nông nghiệp và Môi trường',
        durationMinutes: 30,
        startsAt: '2027-03-15T02:10:00.000Z',
      },
      { title: 'Trao đổi', durationMinutes: 20, startsAt: '2027-03-15T02:40:00.000Z' },
    ]);
  });
});
