/**
 * Network traffic from the topology, priced per GiB: the line item calculators leave to manual
 * entry. Per broker stage and month, with I = the month's average ingress in GiB (one copy,
 * after compression: Kafka moves producer-compressed batches end to end), z zones, RF the
 * replication factor and G consumer groups:
 *
 *   producers → leader in another zone   I × (z − 1) ÷ z                      [assumption: producers spread evenly]
 *   leader → followers in other zones    I × min(RF − 1, z − 1)               (rack-aware placement)
 *   consumers ← leader in another zone   I × G × r,  r = consumersInOtherZonesRatio, default (z − 1) ÷ z
 *     with fetch-from-follower (KIP-392) r = max(0, 1 − min(RF, z) ÷ z)       (a replica in the consumer's zone when one exists)
 *   cross-zone USD = GiB × usdPerGib × (2 when charged on both sides, as AWS does)
 *
 *   cross-region DR replication = I (one copy, MirrorMaker 2) at the inter-region price of the DR
 *     region's continent pair (same continent or intercontinental, `dr.destinationScope`)
 *   internet egress = internetEgressGibPerMonth × demand multiplier at the egress price
 *
 * Sources: SCM kafka.py (network out = read + write × (RF − 1)); Confluent, "Reducing cross-AZ
 * traffic" and KIP-392 (fetch from the closest replica); AWS charges cross-AZ traffic on both
 * sides (docs/catalog.md, `chargedEachDirection`). Stream-stage shuffles and batch reads are not
 * counted (docs/model.md §8).
 */
import { SECONDS_PER_MONTH } from './cost';
import { trafficAt } from './stages/plan';
import type { BrokerStageSpec, NetworkTopology, TransferPrice } from './types';

const MIB_PER_GIB = 1024;

export interface TransferPrices {
  crossZone: TransferPrice;
  interRegion: TransferPrice;
  internetEgress: TransferPrice;
}

export type DestinationScope = NonNullable<TransferPrice['destinationScope']>;

/**
 * The three transfer prices, or a sentence naming the one the pricing lacks. The inter-region
 * price is the one for the DR region's continent pair (`destinationScope`): same continent (GCP
 * 0.02, Azure 0.02 from North America and Europe) or intercontinental (GCP and Azure 0.05, 0.08
 * from Asia); AWS prices by source region, so both are 0.02 from US and EU regions. A price
 * without a scope applies to any destination.
 * @example GCP us-central1's catalog prices, 'same-continent' → interRegion.usdPerGib 0.02; 'intercontinental' → 0.05
 */
export function transferPrices(prices: readonly TransferPrice[], destination: DestinationScope): TransferPrices | string {
  const crossZone = prices.find((price) => price.kind === 'cross-zone');
  const interRegion =
    prices.find((price) => price.kind === 'inter-region' && price.destinationScope === destination) ??
    prices.find((price) => price.kind === 'inter-region' && price.destinationScope === undefined);
  const internetEgress = prices.find((price) => price.kind === 'internet-egress');
  if (crossZone === undefined) return 'The pricing has no cross-zone transfer price.';
  if (interRegion === undefined) {
    return `The pricing has no inter-region transfer price to a region ${destination === 'same-continent' ? 'on the same continent' : 'on another continent'}.`;
  }
  if (internetEgress === undefined) return 'The pricing has no internet-egress price.';
  return { crossZone, interRegion, internetEgress };
}

/** USD for `gib` GiB at a transfer price (both sides when the provider charges both). */
export function transferUsd(gib: number, price: TransferPrice): number {
  return gib * price.usdPerGib * (price.chargedEachDirection ? 2 : 1);
}

export interface StageNetworkMonth {
  ingressGibPerMonth: number;
  producerCrossZoneGib: number;
  replicationCrossZoneGib: number;
  consumerCrossZoneGib: number;
  crossZoneUsdPerMonth: number;
}

/**
 * Cross-zone traffic of a broker stage in a month, and its price (formulas: module comment).
 * @example 10 MiB/s, RF 3, 2 groups, 3 zones, compression 2, 0.01 USD/GiB each way → crossZoneUsdPerMonth ≈ 1026.56 (docs/model.md §14)
 */
export function stageNetwork(
  stage: BrokerStageSpec,
  demandMultiplier: number,
  zones: number,
  compressionRatio: number,
  topology: NetworkTopology,
  crossZone: TransferPrice,
): StageNetworkMonth {
  const ingressGibPerMonth = (trafficAt(stage, demandMultiplier).avgMibPerSec * SECONDS_PER_MONTH) / MIB_PER_GIB / compressionRatio;
  const otherZonesRatio = (zones - 1) / zones;
  const rf = stage.replicationFactor;
  const consumerRatio = topology.fetchFromFollower
    ? Math.max(0, 1 - Math.min(rf, zones) / zones)
    : (topology.consumersInOtherZonesRatio ?? otherZonesRatio);
  const producerCrossZoneGib = ingressGibPerMonth * otherZonesRatio;
  const replicationCrossZoneGib = ingressGibPerMonth * Math.min(rf - 1, zones - 1);
  const consumerCrossZoneGib = ingressGibPerMonth * stage.consumerGroups * consumerRatio;
  return {
    ingressGibPerMonth,
    producerCrossZoneGib,
    replicationCrossZoneGib,
    consumerCrossZoneGib,
    crossZoneUsdPerMonth: transferUsd(producerCrossZoneGib + replicationCrossZoneGib + consumerCrossZoneGib, crossZone),
  };
}
