// Built-in hardware profiles. `gflops` is the effective FP32 inference throughput of the whole
// device (all cores together), not the datasheet peak: ML runtimes on CPUs typically reach
// 20-40% of peak on convolutional models. Each profile cites where its figures come from;
// "estimate" marks a figure derived from a peak by that efficiency rule, so that a measurement
// (`placewise bench`, the `this-machine` profile) should replace it where it matters.
// `memory_gbps` is the memory interface's datasheet bandwidth where the datasheet gives one
// (sustained bandwidth is typically 60-80% of it), and a STREAM-based estimate for cloud slices.

export interface PowerProfile {
  idle: number;
  active: number;
}

export interface HardwareProfile {
  label: string;
  cores: number;
  gflops: number;
  ram_mb?: number;
  storage_gb?: number;
  power_w?: PowerProfile;
  /** Sustained memory bandwidth of the whole device, GB/s (the roofline's memory side). */
  memory_gbps?: number;
  /** Where the figures come from. */
  source?: string;
}

export const HARDWARE_LIBRARY: Readonly<Record<string, HardwareProfile>> = {
  'smart-glasses-soc': {
    label: 'Smart-glasses SoC (Snapdragon AR1 Gen 1 class)',
    cores: 4,
    gflops: 8,
    ram_mb: 2048,
    storage_gb: 32,
    power_w: { idle: 0.25, active: 1.8 },
    memory_gbps: 17,
    source:
      'Qualcomm AR1 Gen 1 product brief (2023): 4 Kryo CPU cores; gflops an estimate (30% of NEON peak); power within the ~2 W thermal envelope of glasses frames; memory_gbps 17: LPDDR4X at 4266 MT/s on 2x16 bits (datasheet peak, an estimate of the AR1 memory interface)',
  },
  'glass-explorer': {
    label: 'Google Glass Explorer Edition',
    cores: 2,
    gflops: 2.4,
    ram_mb: 2048,
    storage_gb: 16,
    power_w: { idle: 0.3, active: 2.8 },
    memory_gbps: 6.4,
    source:
      'Google Glass Explorer spec sheet (TI OMAP 4430, 2x Cortex-A9 1.2 GHz, 2 GB RAM, 16 GB); gflops an estimate; memory_gbps 6.4: OMAP 4430 datasheet, dual-channel LPDDR2 at 400 MHz (2x32 bits, peak)',
  },
  'phone-low': {
    label: 'Low-end phone (Snapdragon 680 class)',
    cores: 8,
    gflops: 15,
    ram_mb: 4096,
    storage_gb: 64,
    power_w: { idle: 0.5, active: 3.5 },
    memory_gbps: 17,
    source:
      'Qualcomm Snapdragon 680 brief (4x A73 2.4 GHz + 4x A53); gflops an estimate; power after AnandTech SoC power tests; memory_gbps 17: Snapdragon 680 brief, LPDDR4X at 2133 MHz (4266 MT/s, 2x16 bits, peak)',
  },
  'phone-midrange': {
    label: 'Mid-range phone (Snapdragon 7 Gen 3 class)',
    cores: 8,
    gflops: 40,
    ram_mb: 8192,
    storage_gb: 128,
    power_w: { idle: 0.6, active: 4.5 },
    memory_gbps: 51.2,
    source:
      'Qualcomm Snapdragon 7 Gen 3 brief (1x A715 2.63 GHz + 3x A715 + 4x A510); gflops an estimate; memory_gbps 51.2: Snapdragon 7 Gen 3 brief, LPDDR5 at 3200 MHz (6400 MT/s, 4x16 bits, peak)',
  },
  'phone-flagship': {
    label: 'Flagship phone (Snapdragon 8 Gen 3 class, CPU)',
    cores: 8,
    gflops: 100,
    ram_mb: 12288,
    storage_gb: 256,
    power_w: { idle: 0.7, active: 6 },
    memory_gbps: 76.8,
    source:
      'Qualcomm Snapdragon 8 Gen 3 brief (1x X4 3.3 GHz + 5x A720 + 2x A520); gflops an estimate (CPU only, no NPU); memory_gbps 76.8: Snapdragon 8 Gen 3 brief, LPDDR5X at 4800 MHz (9600 MT/s, 4x16 bits, peak)',
  },
  'raspberry-pi-5': {
    label: 'Raspberry Pi 5 (8 GB)',
    cores: 4,
    gflops: 40,
    ram_mb: 8192,
    storage_gb: 64,
    power_w: { idle: 2.7, active: 7 },
    memory_gbps: 17,
    source:
      'Raspberry Pi 5 product brief (4x Cortex-A76 2.4 GHz, 153 GFLOPS NEON FP32 peak); gflops an estimate (26% of peak); power from the Raspberry Pi 5 power measurements by Jeff Geerling (2023); memory_gbps 17: LPDDR4X-4267 on 32 bits (product brief, peak)',
  },
  'jetson-orin-nano': {
    label: 'NVIDIA Jetson Orin Nano 8 GB (GPU)',
    cores: 1,
    gflops: 400,
    ram_mb: 8192,
    storage_gb: 128,
    power_w: { idle: 5, active: 15 },
    memory_gbps: 68,
    source:
      'NVIDIA Jetson Orin Nano datasheet (1024-core Ampere GPU, 1.28 TFLOPS FP32, 7-15 W modes); gflops an estimate (30% of peak); one executor: the GPU runs one batch at a time; memory_gbps 68: Jetson Orin Nano 8 GB datasheet (128-bit LPDDR5)',
  },
  laptop: {
    label: 'Laptop (Intel Core i7-1260P class)',
    cores: 8,
    gflops: 150,
    ram_mb: 16384,
    storage_gb: 512,
    power_w: { idle: 4, active: 28 },
    memory_gbps: 83.2,
    source:
      'Intel Core i7-1260P ark page (4P+8E cores, 28 W base power); gflops an estimate; memory_gbps 83.2: Intel ark, LPDDR5-5200 on 128 bits (max memory bandwidth)',
  },
  'aws-c7i-xlarge': {
    label: 'AWS c7i.xlarge (4 vCPU Sapphire Rapids)',
    cores: 4,
    gflops: 120,
    ram_mb: 8192,
    memory_gbps: 20,
    source:
      'AWS EC2 C7i instance page (4 vCPU, 8 GiB, AVX-512); gflops an estimate; on-demand price 0.1785 USD/h in us-east-1 (AWS EC2 pricing page, 2024); memory_gbps 20: an estimate, STREAM triad on Sapphire Rapids reaches about 10 GB/s per physical core and 4 vCPU are 2 cores',
  },
  'aws-g5-xlarge': {
    label: 'AWS g5.xlarge (NVIDIA A10G GPU)',
    cores: 1,
    gflops: 3000,
    ram_mb: 16384,
    memory_gbps: 600,
    source:
      'AWS EC2 G5 instance page (1x A10G, 31.2 TFLOPS FP32 peak); gflops an estimate (10% of peak: small models at batch 1 leave a GPU mostly idle); on-demand price 1.006 USD/h in us-east-1 (AWS EC2 pricing page, 2024); memory_gbps 600: NVIDIA A10 datasheet, 24 GB GDDR6 at 600 GB/s (the A10G has the same memory)',
  },
  'aws-lambda-2gb': {
    label: 'AWS Lambda function, 2048 MB (about 1.2 vCPU)',
    cores: 1,
    gflops: 25,
    ram_mb: 2048,
    memory_gbps: 12,
    source:
      'AWS Lambda docs: CPU in proportion to memory, 1 vCPU at 1769 MB; gflops an estimate; price 0.20 USD per million requests and 0.0000166667 USD per GB-s (AWS Lambda pricing page, x86, 2024); memory_gbps 12: an estimate, about 1.2 vCPU of a STREAM triad of about 10 GB/s per core',
  },
};
