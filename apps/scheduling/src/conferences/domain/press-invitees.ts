import { AgencyContact } from '@pressconf/contracts';
import { containsWords, fieldReasons, words } from './term-matching';

/** One reason to invite one contact of an agency. */
export interface Invitation {
  contact: AgencyContact;
  reason: string;
}

/** Titles of a press agency's leaders (normalised); every other contact is one of its assigned reporters. */
const PRESS_LEADER_TITLES = [
  'tong bien tap',
  'thu ky toa soan',
  'giam doc',
  'truong',
  'lanh dao',
  'chu tich',
  'editor',
  'director',
  'head',
];

/**
 * A press agency whose reporters are marked with the fields they cover sends its leader (the spokesperson, else a
 * contact with a leader's title, else the first contact) and the reporters of the conference's topics; one with no
 * field marked sends every contact, as the agency assigns them.
 */
export function invitePress(
  contacts: AgencyContact[],
  context: { topics: string[]; incidentTopics: string[] },
): Invitation[] {
  if (!contacts.some((contact) => contact.fields.length > 0)) {
    return contacts.map((contact) => ({ contact, reason: `press agency (${pressFunction(contact)})` }));
  }
  const leader =
    contacts.find((contact) => contact.spokesperson) ??
    contacts.find((contact) => pressFunction(contact) === 'leader') ??
    contacts[0];
  const reporters = contacts.flatMap((contact) =>
    [
      ...fieldReasons(contact.fields, context.topics, 'topic'),
      ...fieldReasons(contact.fields, context.incidentTopics, 'incident topic'),
    ].map((why) => ({ contact, reason: `press agency (reporter: ${why})` })),
  );
  return [{ contact: leader, reason: 'press agency (leader)' }, ...reporters];
}

function pressFunction(contact: AgencyContact): 'leader' | 'reporter' {
  const title = words(contact.title ?? '');
  return PRESS_LEADER_TITLES.some((leader) => containsWords(title, words(leader))) ? 'leader' : 'reporter';
}
