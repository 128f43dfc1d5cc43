-- CreateEnum
CREATE TYPE "PlanBandsStatus" AS ENUM ('none', 'pending', 'running', 'ready', 'failed');

-- DropIndex
DROP INDEX "WorkloadProfile_deletedAt_headlineCostUsdPerMonth_idx";

-- AlterTable
ALTER TABLE "WorkloadProfile" DROP COLUMN "headlineCostUsdPerMonth",
DROP COLUMN "headlineNodes",
ADD COLUMN     "planOfRecordId" UUID;

-- CreateTable
CREATE TABLE "ScenarioPlan" (
    "scenarioId" UUID NOT NULL,
    "workloadVersion" INTEGER NOT NULL,
    "scenarioVersion" INTEGER NOT NULL,
    "pricedCatalogVersion" TEXT NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "plan" JSONB NOT NULL,
    "month0TotalUsdPerMonth" DECIMAL(16,2),
    "month0Nodes" INTEGER,
    "horizonTotalUsd" DECIMAL(18,2),
    "complete" BOOLEAN NOT NULL,
    "provider" TEXT,
    "region" TEXT,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "computeMs" INTEGER NOT NULL,
    "bandsStatus" "PlanBandsStatus" NOT NULL,
    "bandsClaimedBy" TEXT,
    "bandsClaimedAt" TIMESTAMP(3),
    "bandsAttempts" INTEGER NOT NULL DEFAULT 0,
    "bandsError" TEXT,
    "bandsComputedAt" TIMESTAMP(3),

    CONSTRAINT "ScenarioPlan_pkey" PRIMARY KEY ("scenarioId")
);

-- CreateIndex
CREATE INDEX "ScenarioPlan_bandsStatus_bandsClaimedAt_idx" ON "ScenarioPlan"("bandsStatus", "bandsClaimedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WorkloadProfile_planOfRecordId_key" ON "WorkloadProfile"("planOfRecordId");

-- AddForeignKey
ALTER TABLE "WorkloadProfile" ADD CONSTRAINT "WorkloadProfile_planOfRecordId_fkey" FOREIGN KEY ("planOfRecordId") REFERENCES "Scenario"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioPlan" ADD CONSTRAINT "ScenarioPlan_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: a workload's plan of record is its first live scenario (oldest, then by name and id).
UPDATE "WorkloadProfile" w SET "planOfRecordId" = (
  SELECT s."id" FROM "Scenario" s
  WHERE s."workloadId" = w."id" AND s."deletedAt" IS NULL
  ORDER BY s."createdAt", s."name", s."id"
  LIMIT 1
);
