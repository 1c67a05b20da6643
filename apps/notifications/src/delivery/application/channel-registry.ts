import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_CHANNELS, NotificationChannel } from './channel';

/** The channels by name, so that each delivery goes out through the channel recorded on it. */
@Injectable()
export class ChannelRegistry {
  private readonly byName = new Map<string, NotificationChannel>();

  constructor(@Inject(NOTIFICATION_CHANNELS) channels: NotificationChannel[]) {
    for (const channel of channels) {
      if (this.byName.has(channel.name)) throw new Error(`Two notification channels are named ${channel.name}`);
      this.byName.set(channel.name, channel);
    }
  }

  /** Undefined for a channel this deployment does not run: the delivery then fails for good, with the reason. */
  get(name: string): NotificationChannel | undefined {
    return this.byName.get(name);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.byName.values()].map((channel) => channel.close()));
  }
}
