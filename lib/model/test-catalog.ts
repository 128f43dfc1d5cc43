/**
 * TEST CATALOG — NOT REAL PRICES.
 *
 * A small instance catalog for tests, the benchmark, the golden baseline and docs examples. Shapes
 * (vCPU, memory, sustained network) resemble real instance types so sizing reads naturally, but
 * every price is synthetic: vCPU-hours and GiB-hours at round per-family rates. Never show these
 * prices to a user; the real catalog (with sources and as-of dates) lives in lib/catalog.
 */
import type { CatalogInstanceType } from './types';

interface FamilyRates {
  provider: CatalogInstanceType['provider'];
  region: string;
  family: string;
  arch: CatalogInstanceType['arch'];
  /** Synthetic TEST rates. */
  usdPerVcpuHour: number;
  usdPerGibHour: number;
}

function testInstances(
  rates: FamilyRates,
  sizes: readonly { name: string; vcpu: number; memoryGib: number; networkGbps: number }[],
): CatalogInstanceType[] {
  return sizes.map((size) => ({
    id: `${rates.provider}:${rates.region}:${size.name}`,
    provider: rates.provider,
    region: rates.region,
    name: size.name,
    family: rates.family,
    arch: rates.arch,
    vcpu: size.vcpu,
    memoryGib: size.memoryGib,
    networkGbps: size.networkGbps,
    onDemandUsdPerHour: size.vcpu * rates.usdPerVcpuHour + size.memoryGib * rates.usdPerGibHour,
  }));
}

const aws = { provider: 'aws', region: 'us-east-1' } as const;
const gcp = { provider: 'gcp', region: 'us-central1' } as const;
const azure = { provider: 'azure', region: 'eastus' } as const;

/** TEST CATALOG — NOT REAL PRICES. 26 instance types across three providers. */
export const testCatalog: readonly CatalogInstanceType[] = [
  ...testInstances({ ...aws, family: 'm7i', arch: 'x86_64', usdPerVcpuHour: 0.034, usdPerGibHour: 0.0045 }, [
    { name: 'm7i.large', vcpu: 2, memoryGib: 8, networkGbps: 0.78 },
    { name: 'm7i.xlarge', vcpu: 4, memoryGib: 16, networkGbps: 1.56 },
    { name: 'm7i.2xlarge', vcpu: 8, memoryGib: 32, networkGbps: 3.125 },
    { name: 'm7i.4xlarge', vcpu: 16, memoryGib: 64, networkGbps: 6.25 },
    { name: 'm7i.8xlarge', vcpu: 32, memoryGib: 128, networkGbps: 12.5 },
  ]),
  ...testInstances({ ...aws, family: 'c7g', arch: 'arm64', usdPerVcpuHour: 0.029, usdPerGibHour: 0.0035 }, [
    { name: 'c7g.xlarge', vcpu: 4, memoryGib: 8, networkGbps: 1.876 },
    { name: 'c7g.2xlarge', vcpu: 8, memoryGib: 16, networkGbps: 3.75 },
    { name: 'c7g.4xlarge', vcpu: 16, memoryGib: 32, networkGbps: 7.5 },
  ]),
  ...testInstances({ ...aws, family: 'r7i', arch: 'x86_64', usdPerVcpuHour: 0.034, usdPerGibHour: 0.004 }, [
    { name: 'r7i.xlarge', vcpu: 4, memoryGib: 32, networkGbps: 1.56 },
    { name: 'r7i.2xlarge', vcpu: 8, memoryGib: 64, networkGbps: 3.125 },
    { name: 'r7i.4xlarge', vcpu: 16, memoryGib: 128, networkGbps: 6.25 },
  ]),
  ...testInstances({ ...aws, family: 'i4i', arch: 'x86_64', usdPerVcpuHour: 0.044, usdPerGibHour: 0.0052 }, [
    { name: 'i4i.2xlarge', vcpu: 8, memoryGib: 64, networkGbps: 4.687 },
    { name: 'i4i.4xlarge', vcpu: 16, memoryGib: 128, networkGbps: 9.375 },
  ]),
  ...testInstances({ ...gcp, family: 'n2-standard', arch: 'x86_64', usdPerVcpuHour: 0.0316, usdPerGibHour: 0.0042 }, [
    { name: 'n2-standard-4', vcpu: 4, memoryGib: 16, networkGbps: 10 },
    { name: 'n2-standard-8', vcpu: 8, memoryGib: 32, networkGbps: 16 },
    { name: 'n2-standard-16', vcpu: 16, memoryGib: 64, networkGbps: 32 },
  ]),
  ...testInstances({ ...gcp, family: 'n2-highmem', arch: 'x86_64', usdPerVcpuHour: 0.0316, usdPerGibHour: 0.0042 }, [
    { name: 'n2-highmem-8', vcpu: 8, memoryGib: 64, networkGbps: 16 },
    { name: 'n2-highmem-16', vcpu: 16, memoryGib: 128, networkGbps: 32 },
  ]),
  ...testInstances({ ...gcp, family: 't2a-standard', arch: 'arm64', usdPerVcpuHour: 0.0275, usdPerGibHour: 0.0037 }, [
    { name: 't2a-standard-8', vcpu: 8, memoryGib: 32, networkGbps: 16 },
    { name: 't2a-standard-16', vcpu: 16, memoryGib: 64, networkGbps: 32 },
  ]),
  ...testInstances({ ...azure, family: 'Dsv5', arch: 'x86_64', usdPerVcpuHour: 0.034, usdPerGibHour: 0.0035 }, [
    { name: 'Standard_D4s_v5', vcpu: 4, memoryGib: 16, networkGbps: 12.5 },
    { name: 'Standard_D8s_v5', vcpu: 8, memoryGib: 32, networkGbps: 12.5 },
    { name: 'Standard_D16s_v5', vcpu: 16, memoryGib: 64, networkGbps: 12.5 },
  ]),
  ...testInstances({ ...azure, family: 'Esv5', arch: 'x86_64', usdPerVcpuHour: 0.034, usdPerGibHour: 0.0042 }, [
    { name: 'Standard_E8s_v5', vcpu: 8, memoryGib: 64, networkGbps: 12.5 },
    { name: 'Standard_E16s_v5', vcpu: 16, memoryGib: 128, networkGbps: 12.5 },
  ]),
  ...testInstances({ ...azure, family: 'Dpsv5', arch: 'arm64', usdPerVcpuHour: 0.029, usdPerGibHour: 0.0032 }, [
    { name: 'Standard_D8ps_v5', vcpu: 8, memoryGib: 32, networkGbps: 12.5 },
  ]),
];
