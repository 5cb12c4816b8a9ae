#!/usr/bin/env bash
# A sweep as a Slurm job array: 4 tasks, each one shard (alliancesim reads
# SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT), then a merge job that
# starts when all tasks have finished.
#
#   go build -o alliancesim ./cmd/alliancesim    # on the cluster, once
#   bash examples/cluster/slurm-sweep.sh
set -euo pipefail
EXPERIMENT=${EXPERIMENT:-examples/sweep/sea-fraction.toml}
RESULTS=${RESULTS:-results}
SHARDS=${SHARDS:-4}
mkdir -p "$RESULTS"

array=$(sbatch --parsable --array=0-$((SHARDS - 1)) --cpus-per-task=2 --mem=1G \
  --job-name=alliancesim-sweep --output="$RESULTS/shard-%a.log" \
  --wrap="./alliancesim sweep $EXPERIMENT --resume --out $RESULTS/shard-\$SLURM_ARRAY_TASK_ID")

dirs=$(for i in $(seq 0 $((SHARDS - 1))); do printf '%s/shard-%d ' "$RESULTS" "$i"; done)
sbatch --dependency=afterok:"$array" --job-name=alliancesim-merge --output="$RESULTS/merge.log" \
  --wrap="./alliancesim merge $dirs --out $RESULTS/merged"
echo "submitted array $array; merged results will be in $RESULTS/merged"
