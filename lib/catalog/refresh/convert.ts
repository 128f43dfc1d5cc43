import type { CatalogInstanceType } from '../schema';
import { AwsOfferFileSchema, convertAwsOffer } from './aws-offer';
import { AzureRetailFileSchema, convertAzureRetail } from './azure-retail';
import { convertGcpSkus, GcpSkuFileSchema } from './gcp-skus';
import type { ConversionResult } from './types';

export type PriceFileFormat = 'aws-offer' | 'gcp-skus' | 'azure-retail';

/**
 * Recognises a provider price file by its shape and converts it.
 *
 * @param json - the parsed file
 * @param shapes - the catalog's instance types (GCP prices are per vCPU and GiB, so they need the shapes)
 * @returns the format and the conversion, or a sentence saying why the file is not one of the three formats
 * @example convertPriceFile({ Items: [] }, []) //=> { format: 'azure-retail', updates: [], skipped: [] }
 */
export function convertPriceFile(
  json: unknown,
  shapes: readonly CatalogInstanceType[],
): ({ format: PriceFileFormat } & ConversionResult) | { error: string } {
  const aws = AwsOfferFileSchema.safeParse(json);
  if (aws.success) return { format: 'aws-offer', ...convertAwsOffer(aws.data) };
  const gcp = GcpSkuFileSchema.safeParse(json);
  if (gcp.success) return { format: 'gcp-skus', ...convertGcpSkus(gcp.data, shapes) };
  const azure = AzureRetailFileSchema.safeParse(json);
  if (azure.success) return { format: 'azure-retail', ...convertAzureRetail(azure.data) };
  return {
    error:
      'Not an AWS Price List offer file (offerCode AmazonEC2, products, terms), a Cloud Billing SKU list (skus) ' +
      'or an Azure Retail Prices response (Items), or a required field is missing.',
  };
}
