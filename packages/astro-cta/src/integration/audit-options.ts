/**
 * `audit` in the integration's options is the audit's own configuration schema, the same one the CLI reads from
 * `cta-audit.config.json`, so both accept exactly the same fields with the same error messages.
 */
export { auditConfigSchema as auditOptionsSchema, type AuditConfigInput as AuditOptions } from '@astro-cta/audit';
