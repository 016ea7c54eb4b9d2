import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes bank operators filter by in the Temporal UI. They are
 * NOT encrypted, so they carry ids and states only — never names, e-mails,
 * phones or secrets.
 */
export const PartnerBin = defineSearchAttributeKey('PartnerBin', SearchAttributeType.KEYWORD);
export const PartnerId = defineSearchAttributeKey('PartnerId', SearchAttributeType.KEYWORD);
export const UserId = defineSearchAttributeKey('UserId', SearchAttributeType.KEYWORD);
export const Flow = defineSearchAttributeKey('Flow', SearchAttributeType.KEYWORD);
export const FlowStatus = defineSearchAttributeKey('FlowStatus', SearchAttributeType.KEYWORD);
export const AmountKzt = defineSearchAttributeKey('AmountKzt', SearchAttributeType.DOUBLE);
/** Every user a running flow waits on or acts for; blocking a user (§1.14) signals each such flow. */
export const UserIds = defineSearchAttributeKey('UserIds', SearchAttributeType.KEYWORD_LIST);

/** What the dev server registers at start (`--search-attribute Name=Type`). */
export const CUSTOM_SEARCH_ATTRIBUTES: Readonly<Record<string, 'Keyword' | 'Double' | 'KeywordList'>> = {
  PartnerBin: 'Keyword',
  PartnerId: 'Keyword',
  UserId: 'Keyword',
  Flow: 'Keyword',
  FlowStatus: 'Keyword',
  AmountKzt: 'Double',
  UserIds: 'KeywordList',
};
