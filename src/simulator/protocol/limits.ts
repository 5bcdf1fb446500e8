/**
 * How much one request may ask for. Every request's work is bounded by these (and by the
 * server's body limit), so no request can keep the simulator busy for long. Each limit is
 * EC2's where EC2 documents one; the others are generous bounds marked "unverified".
 */
export const REQUEST_LIMITS = {
  /**
   * Filter values in one call, all filters together. EC2 answers `FilterLimitExceeded: The maximum
   * number of filter values specified on a single call is 200` (seen in public bug reports, e.g.
   * github.com/gjbae1212/gossm/issues/47). As each filter needs a value, this bounds filters too.
   */
  filterValues: 200,
  /**
   * Length of one filter value: `FilterLimitExceeded: The maximum length for a filter value is 255
   * characters` (github.com/ansible-collections/amazon.aws/issues/2393).
   */
  filterValueLength: 255,
  /**
   * Entries of one list parameter (`ImageId.N`, `ResourceId.N`, `LaunchPermission.Add.N`, …).
   * CreateTags and DeleteTags document "Up to 1000 resource IDs"; the same bound for every other
   * list is the simulator's own (unverified).
   */
  listEntries: 1000,
  /**
   * Launch permissions added and removed by one ModifyImageAttribute, together. The simulator's
   * own bound (unverified): EC2 documents no per-call limit, and one list is already 1000.
   */
  launchPermissionChanges: 1000,
  /** An image description: "Constraints: Up to 255 characters" (CreateImage, RegisterImage, CopyImage). */
  descriptionLength: 255,
} as const;
