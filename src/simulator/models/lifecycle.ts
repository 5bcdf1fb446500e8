import type { World } from '../world';
import type { ImageRecord, RegionState } from './types';
import { expireRecycleBin } from './recycleBin';

/** How long EC2 keeps answering InvalidAMIID.Unavailable for a deregistered image before forgetting it. */
export const DEREGISTERED_VISIBLE_MS = 60 * 60 * 1000;

/**
 * How long DescribeImages by id still returns a deregistered image (state `deregistered`). The
 * reference says "for a short interval" with no figure (DescribeImages); 10 minutes is unverified.
 */
export const DEREGISTERED_LISTED_MS = 10 * 60 * 1000;

/**
 * How long after a launch EC2 reports it in lastLaunchedTime: "there is a 24-hour delay before
 * that usage is reported" (API reference, Image.LastLaunchedTime).
 */
export const LAST_LAUNCHED_DELAY_MS = 24 * 60 * 60 * 1000;

/** Does DescribeImages by id still return the deregistered `image`? */
export function recentlyDeregistered(image: ImageRecord, now: number): boolean {
  return (image.deregisteredAt ?? 0) + DEREGISTERED_LISTED_MS > now;
}

/** Moves the launches older than the reporting delay into lastLaunchedTime. */
function reportLaunches(image: ImageRecord, now: number): boolean {
  const waiting = image.unreportedLaunches;
  if (!waiting || waiting.length === 0 || waiting[0] + LAST_LAUNCHED_DELAY_MS > now) return false;
  const still = waiting.filter((t) => t + LAST_LAUNCHED_DELAY_MS > now);
  image.lastLaunchedTime = waiting[waiting.length - still.length - 1];
  if (still.length > 0) image.unreportedLaunches = still;
  else delete image.unreportedLaunches;
  return true;
}

/**
 * Per region (a reset brings new region objects): the world's change count after the last full
 * pass, and the earliest time something in the region is due. Until the world changes or that
 * time comes, a pass would find nothing to do, so settleRegion skips it: requests stay O(1) in
 * the number of images instead of walking 10,000 owned images before every read.
 */
const lastPass = new WeakMap<RegionState, { changes: number; due: number }>();

/**
 * Moves the region's asynchronous work forward to the clock's now: pending images become
 * available (their snapshots complete), instances step through their transitions, and
 * deregistered images are forgotten after a while. Called before every request.
 */
export function settleRegion(world: World, regionName: string): void {
  const now = world.clock.now();
  const region = world.region(regionName);
  const last = lastPass.get(region);
  if (last && last.changes === world.changeCount && now < last.due) return;
  passOver(world, region, regionName, now);
  lastPass.set(region, { changes: world.changeCount, due: nextDue(region) });
}

/** The earliest time anything of the region changes by itself (Infinity when nothing is waiting). */
function nextDue(region: RegionState): number {
  let due = Infinity;
  for (const image of Object.values(region.images)) {
    if (image.unreportedLaunches?.length) due = Math.min(due, image.unreportedLaunches[0] + LAST_LAUNCHED_DELAY_MS);
    if (image.state === 'pending' && image.availableAt !== undefined) due = Math.min(due, image.availableAt);
    if (image.state === 'deregistered') due = Math.min(due, (image.deregisteredAt ?? 0) + DEREGISTERED_VISIBLE_MS);
  }
  for (const entry of [
    ...Object.values(region.recycleBin?.images ?? {}),
    ...Object.values(region.recycleBin?.snapshots ?? {}),
  ])
    due = Math.min(due, entry.exitTime);
  for (const instance of Object.values(region.instances)) {
    if (instance.transitions.length > 0) due = Math.min(due, instance.transitions[0].at);
  }
  return due;
}

function passOver(world: World, region: RegionState, regionName: string, now: number): void {
  for (const image of Object.values(region.images)) {
    if (reportLaunches(image, now)) world.markChanged();
    if (image.state === 'pending' && image.availableAt !== undefined && image.availableAt <= now) {
      image.state = 'available';
      delete image.availableAt;
      for (const mapping of image.blockDeviceMappings) {
        const snapshot = mapping.ebs?.snapshotId ? region.snapshots[mapping.ebs.snapshotId] : undefined;
        if (snapshot && snapshot.state === 'pending') {
          snapshot.state = 'completed';
          snapshot.progress = '100%';
        }
      }
      world.markChanged();
    } else if (image.state === 'deregistered' && (image.deregisteredAt ?? 0) + DEREGISTERED_VISIBLE_MS <= now) {
      delete region.images[image.imageId];
      world.markChanged();
    }
  }
  expireRecycleBin(world, regionName);
  for (const instance of Object.values(region.instances)) {
    while (instance.transitions.length > 0 && instance.transitions[0].at <= now) {
      instance.state = instance.transitions.shift()!.to;
      world.markChanged();
    }
  }
}

/**
 * Finishes every region's asynchronous work at once ("Settle Pending Work Now"): pending images
 * become available and instances reach the end of their transitions, as if their time had passed.
 * Returns how many images and instances were moving.
 */
export function finishPendingWork(world: World): number {
  const now = world.clock.now();
  let moving = 0;
  for (const regionName of Object.keys(world.state.regions)) {
    const region = world.region(regionName);
    for (const image of Object.values(region.images)) {
      if (image.state === 'pending' && image.availableAt !== undefined) {
        image.availableAt = Math.min(image.availableAt, now);
        world.markChanged();
        moving++;
      }
    }
    for (const instance of Object.values(region.instances)) {
      if (instance.transitions.length > 0) {
        for (const step of instance.transitions) step.at = Math.min(step.at, now);
        world.markChanged();
        moving++;
      }
    }
    settleRegion(world, regionName);
  }
  return moving;
}
