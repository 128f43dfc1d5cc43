-- AlterTable
ALTER TABLE "WorkloadProfile" ADD COLUMN     "headlineCostUsdPerMonth" DECIMAL(14,2),
ADD COLUMN     "headlineNodes" INTEGER;

-- CreateIndex
CREATE INDEX "WorkloadProfile_deletedAt_headlineCostUsdPerMonth_idx" ON "WorkloadProfile"("deletedAt", "headlineCostUsdPerMonth" DESC);
