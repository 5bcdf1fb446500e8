import type { EC2Client } from '@aws-sdk/client-ec2';
import type { AwsClients } from '../aws/clientFactory';
import { listEnabledRegions } from '../ec2/regions';

/** A connection's region setting: a list, or `all` = every region enabled for the account. */
export type RegionChoice = readonly string[] | 'all';

/**
 * The regions a connection shows. "All enabled regions" is asked of EC2 when first needed (once; a
 * failure is asked again next time) and remembered for the readers that need it synchronously: a
 * palette command's region pick, the regions another connection's panels offer.
 */
export class ShownRegions {
  private asked: Promise<string[]> | undefined;
  private known: string[];

  constructor(
    readonly choice: RegionChoice,
    /** The client DescribeRegions is sent with (any region of the account answers for all). */
    private readonly ec2: () => Promise<EC2Client>,
  ) {
    this.known = choice === 'all' ? [] : [...choice];
  }

  /**
   * A ShownRegions whose DescribeRegions goes to `clients` in `region` when given (a custom
   * endpoint's), else in the profile's own region, else us-east-1 (any region answers for all on AWS).
   */
  static of(choice: RegionChoice, clients: () => AwsClients, region?: string): ShownRegions {
    return new ShownRegions(choice, async () => {
      const c = clients();
      return c.ec2(region ?? (await c.homeRegion?.()) ?? 'us-east-1');
    });
  }

  /** The regions known now: the list, or the enabled ones once asked (none before). */
  get knownRegions(): string[] {
    return [...this.known];
  }

  async regions(): Promise<string[]> {
    if (this.choice !== 'all') return [...this.choice];
    const asked = (this.asked ??= this.ec2().then((ec2) => listEnabledRegions(ec2)));
    asked.catch(() => {
      if (this.asked === asked) this.asked = undefined;
    });
    this.known = await asked;
    return [...this.known];
  }
}
