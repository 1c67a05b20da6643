import { ChannelRegistry } from './channel-registry';
import { NotificationChannel } from './channel';

function channel(name: string): NotificationChannel & { closed: boolean } {
  return {
    name: name as NotificationChannel['name'],
    closed: false,
    send: () => Promise.resolve({ kind: 'sent', response: '250 OK', messageId: 'm' }),
    close() {
      this.closed = true;
      return Promise.resolve();
    },
  };
}

describe('ChannelRegistry', () => {
  it('finds each channel by its name', () => {
    const email = channel('EMAIL');
    const sms = channel('SMS');
    const registry = new ChannelRegistry([email, sms]);
    expect(registry.get('EMAIL')).toBe(email);
    expect(registry.get('SMS')).toBe(sms);
    expect(registry.get('ZALO')).toBeUndefined();
  });

  it('refuses two channels of the same name', () => {
    expect(() => new ChannelRegistry([channel('EMAIL'), channel('EMAIL')])).toThrow(/Two notification channels/);
  });

  it('closes every channel', async () => {
    const channels = [channel('EMAIL'), channel('SMS')];
    await new ChannelRegistry(channels).closeAll();
    expect(channels.every((c) => c.closed)).toBe(true);
  });
});
