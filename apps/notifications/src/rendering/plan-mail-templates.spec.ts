import { resolve } from 'path';
import { planMailModels } from './plan-mail-models.fixture';
import { MailTemplates } from './templates';

const templates = new MailTemplates(resolve(__dirname, '../templates'), { zone: 'Asia/Ho_Chi_Minh' });

describe('mail about obstacle reports and offers', () => {
  it('submits a forwarded report to the People’s Committee with the coordinator’s note, in Vietnamese', () => {
    const mail = templates.render(
      'obstacle-report-to-leadership',
      'vi',
      planMailModels['obstacle-report-to-leadership'],
    );
    expect(mail.subject).toContain('Khó khăn, vướng mắc của Sở Nông nghiệp và Môi trường');
    expect(mail.text).toContain('kính trình Ủy ban nhân dân');
    expect(mail.text).toContain('Ý kiến của cơ quan đầu mối: Kính trình UBND tỉnh chỉ đạo.');
    expect(mail.text).toContain('Đề xuất, kiến nghị:');
    // 01:00 UTC is 08:00 in Hà Nội time.
    expect(mail.text).toMatch(/08:00, thứ Tư, ngày 10\/3\/2027/);
    expect(mail.html).toContain('Chậm cung cấp số liệu thiệt hại do hạn hán');
  });

  it('tells the agency the resolution', () => {
    const mail = templates.render('obstacle-report-resolved', 'vi', planMailModels['obstacle-report-resolved']);
    expect(mail.text).toContain('Kết quả xử lý: UBND tỉnh đã có Công văn số 123/UBND-TH.');
  });

  it('tells an included offer’s agency the conference and when its brief is due, and a declined one why', () => {
    const included = templates.render('information-offer-decided', 'vi', planMailModels['information-offer-decided']);
    expect(included.subject).toBe('Thông tin đề xuất được đưa vào hội nghị: Kết quả chuyển đổi số trong nông nghiệp');
    expect(included.text).toContain('Hội nghị cung cấp thông tin định kỳ tháng 3/2027');
    expect(included.text).toMatch(/gửi văn bản cung cấp thông tin trước 17:00, thứ Bảy, ngày 20\/3\/2027/);
    const declined = templates.render('information-offer-decided', 'vi', {
      ...planMailModels['information-offer-decided'],
      included: false,
      declined: true,
      offer: { ...planMailModels['information-offer-decided'].offer, comment: 'Nội dung chưa phù hợp.' },
    });
    expect(declined.text).toContain('Thông tin chưa được đưa vào nội dung họp báo.');
    expect(declined.text).toContain('Ý kiến của cơ quan đầu mối: Nội dung chưa phù hợp.');
  });
});
