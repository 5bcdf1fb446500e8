// UI journey through the AMIs tree on the simulator, in a real workbench (see workbench.ts).
// Labels are the contract with the explorer: regions ("us-east-1"), "Images" > "Amazon" >
// "EBS-backed" (counts like "Amazon (50)" allowed), "Instances" with the seeded instances
// "web-server-1" (EBS) and "batch-worker-1" (instance store), and "Create Image" (or
// "Create Image…") in the context menu of the first only.
import assert from 'node:assert/strict';
import { suiteWorkbench } from './workbench';

describe('AMI Explorer tree (UI)', function () {
  // AMI_EXPLORER_UI_EXTENSION: another extension folder, for working on the harness itself.
  const wb = suiteWorkbench({
    name: 'explorer',
    theme: 'Default Dark Modern',
    extensionPath: process.env.AMI_EXPLORER_UI_EXTENSION,
  });

  it('shows regions in the AMIs view of the AWS Explorer container', async function () {
    await wb().openAmisView();
    await wb().screenshot('regions');
  });

  it('lists Amazon EBS-backed images under a region', async function () {
    await wb().expand('us-east-1');
    await wb().expand('Images');
    await wb().expand('Amazon');
    const ebs = await wb().expand('EBS-backed');
    const images = await wb().loadedChildren(ebs);
    assert.ok(images.length > 0, 'no AMI rows under EBS-backed');
    assert.match(images[0].label, /\S/);
    await wb().screenshot('amazon-ebs-images');
  });

  it('offers "Create Image" on an EBS-backed instance only', async function () {
    await wb().collapse('Images'); // its 40-odd rows would push Instances off screen
    const instancesRow = await wb().expand('Instances');
    const instances = await wb().loadedChildren(instancesRow);
    assert.ok(instances.length > 0, 'no instance rows under Instances');
    // Seeded instances: web-server-1 runs from an EBS-backed AMI, batch-worker-1 from an
    // instance-store one (EC2 cannot create an image from the latter).
    const ebsItems = await wb().contextMenu(await wb().reveal('web-server-1'));
    await wb().screenshot('instance-context-menu');
    await wb().page.keyboard.press('Escape');
    assert.ok(
      ebsItems.some((i) => /^Create Image\b/.test(i)),
      `web-server-1 menu: ${ebsItems.join(' | ')}`,
    );
    const storeItems = await wb().contextMenu(await wb().reveal('batch-worker-1'));
    await wb().page.keyboard.press('Escape');
    assert.ok(
      storeItems.length > 0 && !storeItems.some((i) => /^Create Image\b/.test(i)),
      `batch-worker-1 menu: ${storeItems.join(' | ')}`,
    );
  });
});
