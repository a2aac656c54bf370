#!/usr/bin/env node
import { main } from '../dist/cxm.js';

await main();
