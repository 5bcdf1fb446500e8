/** The Launch instance panel's messages (the envelope is in `envelope.ts`). No `vscode` import: webviews bundle it too. */
import type { HostMessage, WebviewMessage } from './envelope';

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
}

export interface LaunchInstanceResult {
  instanceIds: string[];
}

export type LaunchInstanceToHost = WebviewMessage<LaunchInstanceParams>;
export type LaunchInstanceToWebview = HostMessage<LaunchInstanceInit, LaunchInstanceResult>;
