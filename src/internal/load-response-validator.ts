import { StytchValidationError } from "../errors.ts";
import type { ResponseValidator } from "../response-validation.ts";

// A specifier bundlers do not follow: the validators stay out of the core bundle until asked for.
const VALIDATION_MODULE = "../response-validation.js";

let loading: Promise<ResponseValidator> | undefined;

export function loadResponseValidator(): Promise<ResponseValidator> {
  loading ??= import(/* @vite-ignore */ /* webpackIgnore: true */ VALIDATION_MODULE).then(
    (module: { responseValidator: ResponseValidator }) => module.responseValidator,
    (cause: unknown) => {
      loading = undefined;
      throw Object.assign(
        new StytchValidationError(
          "validateResponses",
          "load",
          "validateResponses: true could not load the validators here (a bundled app?). Import { responseValidator } from " +
            '"stytch-b2b-sms/response-validation" and pass it as validateResponses instead.',
        ),
        { cause },
      );
    },
  );
  return loading;
}
