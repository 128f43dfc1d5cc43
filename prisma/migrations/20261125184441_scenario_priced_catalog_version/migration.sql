-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "pricedCatalogVersion" TEXT;
