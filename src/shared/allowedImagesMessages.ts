/** The reader of the Allowed AMIs panel's messages: the webview is untrusted. No `vscode` import. */
import * as l10n from '@vscode/l10n';
import type { AllowedCriterion } from './allowedImages';
import {
  ALLOWED_IMAGES_STATES,
  ALLOWED_LIMITS,
  checkCriterion,
  checkCriterionName,
  checkProductCode,
  checkProvider,
} from './allowedImages';
import type { Reader } from './messageValidation';
import { arr, bool, byType, literal, obj, oneOf, refuse, requestId, str } from './messageValidation';
import type { AllowedImagesToHost } from './protocol/allowedImages';

const days: Reader<number | undefined> = (v, path) => {
  if (v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > ALLOWED_LIMITS.maxDays) {
    refuse(path, l10n.t('must be null or a whole number from 0 to {0}.', ALLOWED_LIMITS.maxDays));
  }
  return v;
};

const criterionShape = obj({
  imageProviders: arr(str(16, checkProvider), ALLOWED_LIMITS.providers, true),
  imageNames: arr(str(ALLOWED_LIMITS.nameLength, checkCriterionName), ALLOWED_LIMITS.names, true),
  marketplaceProductCodes: arr(
    str(ALLOWED_LIMITS.productCodeLength, checkProductCode),
    ALLOWED_LIMITS.productCodes,
    true,
  ),
  maximumDaysSinceCreated: days,
  maximumDaysSinceDeprecated: days,
});

/** A criterion as JSON carries it (absent days are `null`), checked against the documented limits. */
const criterion: Reader<AllowedCriterion> = (v, path) => {
  const c = criterionShape(v, path);
  const out: AllowedCriterion = {
    imageProviders: c.imageProviders,
    imageNames: c.imageNames,
    marketplaceProductCodes: c.marketplaceProductCodes,
  };
  if (c.maximumDaysSinceCreated !== undefined) out.maximumDaysSinceCreated = c.maximumDaysSinceCreated;
  if (c.maximumDaysSinceDeprecated !== undefined) out.maximumDaysSinceDeprecated = c.maximumDaysSinceDeprecated;
  const problem = checkCriterion(out);
  if (problem) refuse(path, l10n.t('is invalid: {0}', problem));
  return out;
};

export const readAllowedImagesMessage: Reader<AllowedImagesToHost> = byType<AllowedImagesToHost>({
  ready: obj({ type: literal('ready') }),
  revealInTree: obj({ type: literal('revealInTree'), id: str(21) }),
  copyId: obj({ type: literal('copyId'), id: str(21) }),
  submit: obj({
    type: literal('submit'),
    requestId,
    params: obj({
      action: oneOf(['preview', 'apply'] as const),
      criteria: arr(criterion, ALLOWED_LIMITS.criteria),
      state: oneOf(ALLOWED_IMAGES_STATES),
      confirmed: bool,
    }),
  }),
});
