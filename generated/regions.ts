/**
 * Generated from libphonenumber-js 1.13.18 (metadata.max.json) by scripts/generate.ts (scripts/codegen/regions.ts).
 * Do not make direct changes to the file. Two tables, so that an app pays for the second only if it imports
 * it: +1 (read by src/guard/nanp-regions.ts, in every guard) and every other calling code (read by
 * src/guard/calling-codes.ts and world-regions.ts: the subpath stytch-b2b-sms/guard/regions, and the
 * telemetry's calling code of a phone).
 */

/** The region of a number that is in none (a non-geographic code, a misdialled number). */
export const NO_REGION = "--";

/**
 * Every calling code and its main region. The codes as positions 100 to 999 of three digits, in order: before
 * each region, the number of unassigned positions skipped, if any, and a + for each digit the code has fewer
 * than three (`++US+EG1SS`: +1 US, +20 EG, +211 SS).
 */
export const callingCodes = "++US+EG1SSMADZ2TN1LY1GMSNMRMLGNCIBFNETGBJMULRSLGHNGTDCFCMCVSTGQGACGCDAOGWIOACSCSDRWETSODJKETZUGBIMZ1ZMMGREZWNAMWLSBWSZKM+ZA10SHER5AWFOGL+GR+NL+BE+FR+ESGIPTLUIEISALMTCYFIBG+HULTLVEEMDAMBYADMCSM1UARSMEXK1HRSIBA1MK+IT+RO+CHCZSK1LI6+AT+GB+DK+SE+NO+PL+DEFKBZGTSVHNNICRPAPMHT+PE+MX+CU+AR+BR+CL+CO+VEGPBOGYECGFPYMQSRUYCW+MY+AU+ID+PH+NZ+SG+THTL1NFBNNRPGTOSBVUFJPWWFCKNU1WSKINCTVPFTKFMMH7++RU--7--1+JP+KR10+VNKP1HKMO1KHLA3+CN--7--1BD------2TW1--11+TR+IN+PK+AF+LK+MMMVLBJOSYIQKWSAYEOM1PSAEILBHQABTMNNP1--+IR2TJTMAZGEKG1UZ";

// For a region libphonenumber-js never gives: its numbers are all the main region's.
const NEVER = /(?!)/;

/**
 * Shared calling codes other than +1: the regions other than the main one, and the national numbers that are
 * theirs; NO_REGION first: a national prefix written after the code (+44 0…) with a length no region of the code allows.
 */
export const sharedRegions: Record<string, Record<string, RegExp>> = {
  7: { "--": /^(?!(?:\d{10}|\d{14})$)8/, KZ: /^7/ },
  39: { VA: /^06698/ },
  44: { "--": /^(?!(?:\d{7}|\d{9,10})$)(?:0|180020)/, GG: /^(?:1481|7(?:781|839|911[17])|98[01])/, IM: /^(?:1624|7(?:4576|[56]24))/, JE: /^(?:1534|7(?:509|7(?:00[378]|97)|829|937))/ },
  47: { SJ: /^79/ },
  61: { "--": /^(?!(?:\d{5,10}|\d{12})$)(?:0|183[12])/, CC: /^(?:08(?:51(?:0(?:02|31|60|89)|1(?:18|76)|223)|91(?:62|703))|8(?:51(?:0(?:02|31|60|89)|1(?:18|76)|223)|91(?:62|703)))/, CX: /^(?:08(?:51(?:0(?:01|30|59|88)|1(?:17|46|75)|2(?:22|35))|91(?:64|958))|8(?:51(?:0(?:01|30|59|88)|1(?:17|46|75)|2(?:22|35))|91(?:64|958)))/ },
  212: { EH: NEVER },
  262: { "--": /^(?!\d{9}$)0/, YT: /^(?:26(?:89|9)|63|7093|9(?:398|478|769))/ },
  290: { TA: /^8/ },
  358: { "--": /^(?!\d{5,12}$)0/, AX: /^(?:018|18)/ },
  590: { "--": /^(?!\d{9}$)0/, BL: /^590(?:2[79]|5[12]|87)/, MF: /^590(?:0[079]|[14]3|30|5[068]|7[79])/ },
  599: { BQ: /^[347]/ },
};

/**
 * +1, ten national digits, goes by area code: for each from 200 to 999 a base-4 digit, three a character
 * (its code minus 48, first area code most significant). 0 to 2 index nanpAreaRegions: these go by
 * validation, which no exchange starting with 0 or 1 passes. 3 is the next region of nanpOthers, one with
 * leading digits: any exchange.
 */
export const nanpAreaRegions = ["--", "US", "CA"];

/** The +1 numbers whose region is not what nanpAreas gives. */
export const nanpExceptions: Record<string, RegExp> = { DO: /^8001/, "--": /^(?:52(?:3(?:[2-46-9]11|5(?:11|55))|4(?:[2-478]11|5(?:11|2[13]|55|[6-9])|6(?:00|11)|9(?:11|2[6-9]|3|4[0-8])))|9836)/ };
export const nanpAreas = "5IEDEEE1FE45PD`<JEAPA\\7DI44A`20001EIE5EEDEDEA57B=@EH055RT000B1@0000FEEAEV@5@QTDXMA5800@1@9Ai1D100000EEUDFEIEEEED0E10P@0A5DD5EA9TUT0009FEE6EEB@AE849@5SD0GEC17h04E\\@@000EIF1EEG1EAD@DB@5091a54aEE2ISG0000EEIdEEI@97EA1D5AM0EEAEKdH=H0040005UUE5EE@11E15MI4E54@@001E45@E@@000";
export const nanpOthers = "BSBBAIAGVGVIKYBMGDTCJMMSMPGUASSXLCDMVCPRDODODOTTKNJMPR";
