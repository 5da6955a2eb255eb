import { StytchValidationError } from "../errors.ts";
import type { ResponseValidator } from "../response-validation.ts";

// The package's own subpath, held in a variable so bundlers do not follow it: the validators stay out of the
// core bundle until asked for, and the specifier resolves the same wherever the client code ends up.
const VALIDATION_MODULE = "stytch-b2b-sms/response-validation";

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
