import * as l10n from '@vscode/l10n';
import type { Snippet } from './snippetSource';
import { yamlString } from './snippetSource';

/** A CloudFormation parameter that CloudFormation resolves from the public SSM parameter at each deployment. */
export function cloudFormationSsmParameter(parameterName: string): Snippet {
  return {
    label: l10n.t('CloudFormation parameter (SSM)'),
    text: [
      'Parameters:',
      '  LatestAmiId:',
      "    Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>'",
      `    Default: ${yamlString(parameterName)}`,
      '',
      '# ImageId: !Ref LatestAmiId',
      '',
    ].join('\n'),
    lookup: { kind: 'ssmParameter', name: parameterName },
  };
}

/** Without a public parameter: a parameter of type `AWS::EC2::Image::Id` pinned to this image. */
export function cloudFormationImageId(imageId: string): Snippet {
  return {
    label: l10n.t('CloudFormation parameter (AMI id)'),
    text: [
      'Parameters:',
      '  AmiId:',
      "    Type: 'AWS::EC2::Image::Id'",
      `    Default: ${yamlString(imageId)}`,
      '',
    ].join('\n'),
    lookup: { kind: 'imageId', imageId },
    warning: l10n.t('Pinned to this AMI id: no public parameter names this image.'),
  };
}
