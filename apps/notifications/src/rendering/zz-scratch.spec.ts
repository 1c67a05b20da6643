import { writeFileSync } from 'fs';
import { renderInvitationLetter } from './invitation-letter';
it('dumps', async () => {
  writeFileSync('/tmp/letter.pdf', await renderInvitationLetter({
    number: '12/GM-STTTT', issuedAt: new Date('2027-03-04T18:30:00Z'), place: 'Đắk Lắk', parentBody: 'UBND TỈNH ĐẮK LẮK', issuingBody: 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
    recipient: { name: 'Nguyễn Văn An', agencyName: 'Sở Tư pháp tỉnh Đắk Lắk' },
    conference: { title: 'Hội nghị cung cấp thông tin về công tác nhân quyền tháng 3/2027', kind: 'PERIODIC', startsAt: '2027-03-15T02:00:00Z', endsAt: '2027-03-15T04:00:00Z', venue: 'Hội trường UBND tỉnh, số 09 Lê Duẩn, phường Buôn Ma Thuột', topics: ['Kết quả công tác bảo đảm quyền con người quý I/2027', 'Thông tin đối ngoại nổi bật trong tháng'] },
    agenda: [{ title: 'Khai mạc, giới thiệu đại biểu', presenter: 'Lãnh đạo Sở', durationMinutes: 10 }, { title: 'Cung cấp thông tin về công tác nhân quyền', presenter: 'Công an tỉnh', durationMinutes: 30 }, { title: 'Trao đổi, trả lời câu hỏi của phóng viên' }],
    rsvpUrl: 'http://127.0.0.1:3000/api/v1/invitations/3q2-bY8xKmJc0vQh7ZrT9wLpUe4sNd6A3q2-bY8xKmJc0vQh7ZrT9wLpUe4sNd6A',
    signer: { position: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', name: 'Trần Thị Bình' },
  }));
});
