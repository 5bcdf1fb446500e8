/** The Launch instance panel's messages (the envelope is in `envelope.ts`). No `vscode` import: webviews bundle it too. */
import type { HostMessage, WebviewMessage } from './envelope';
import type { PublisherCheck } from './publisherCheck';

/** What a Launch instance panel is about (see `SavedPanelArgs`). */
export interface LaunchInstanceArgs {
  kind: 'launchInstance';
  region: string;
  imageId: string;
}

export interface LaunchInstanceInit {
  region: string;
  imageId: string;
  name?: string;
  /** `x86_64`, `arm64`, … */
  architecture: string;
  /** `available` is the only state EC2 launches from. */
  state: string;
  /** On real AWS a launch costs money; the form says so and asks for an acknowledgement. */
  backend: 'simulator' | 'aws';
  /** Instance types offered for the image's architecture. */
  instanceTypes: string[];
  /** Who stands behind the image; an unknown publisher's needs `acknowledgeUnknownPublisher`. */
  publisher?: PublisherCheck;
  /**
   * EC2 reports the image as not allowed by the region's Allowed AMIs criteria (`ImageAllowed` false):
   * in audit mode it still launches (and is reported); enabled, RunInstances refuses it.
   */
  notAllowed?: boolean;
}

export interface LaunchInstanceParams {
  /** One of `instanceTypes`. */
  instanceType: string;
  /** The `Name` tag; empty for none. */
  nameTag: string;
  /** 1–10 instances. */
  count: number;
  /** The user acknowledged the cost (required on real AWS). */
  acknowledgeCost: boolean;
  /** The user went through the unknown publisher's checklist (required for such an image). */
  acknowledgeUnknownPublisher: boolean;
}

export interface LaunchInstanceResult {
  instanceIds: string[];
}

export type LaunchInstanceToHost = WebviewMessage<LaunchInstanceParams>;
export type LaunchInstanceToWebview = HostMessage<LaunchInstanceInit, LaunchInstanceResult>;
