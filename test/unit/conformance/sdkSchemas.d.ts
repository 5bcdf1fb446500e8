/** The SDK's schema module has no declarations of its own: model.ts reads it as untyped data. */
declare module '@aws-sdk/client-ec2/dist-es/schemas/schemas_0.js';
