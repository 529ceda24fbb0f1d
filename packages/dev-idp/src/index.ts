// @hall/dev-idp: a development SAML 2.0 identity provider. The server (server.ts) runs it for
// `npm start`; the hall's tests use the same functions to craft every response they need.
export { certBody, ensureIdpKeys, generateIdpKeys, type IdpKeys } from './keys.ts'
export {
  BINDING,
  NAMEID_UNSPECIFIED,
  NS,
  SIG_ALG_RSA_SHA256,
  STATUS,
  buildLogoutRequest,
  buildLogoutResponse,
  buildSamlResponse,
  decodeRedirectMessage,
  idpMetadata,
  newId,
  parseAuthnRequest,
  parseLogoutRequest,
  parseLogoutResponse,
  redirectQuery,
  spSigningCertFromMetadata,
  verifyRedirectQuery,
  xmlEscape,
  type AttributeValues,
  type AuthnRequestInfo,
  type BuiltSamlResponse,
  type IdpMetadataOptions,
  type LogoutRequestInfo,
  type LogoutRequestOptions,
  type LogoutResponseInfo,
  type LogoutResponseOptions,
  type RedirectMessageOptions,
  type SamlResponseOptions,
} from './saml.ts'
export { createIdpApp, hallServiceProvider, idpUrls, personAttributes, type DevIdpConfig, type ServiceProviderInfo } from './app.ts'
export { demoUniversityGroups } from './accounts.ts'
export { accountsFromFile } from './accounts-file.ts'
export type { AccountGroup, IdpPerson } from './pages.ts'
