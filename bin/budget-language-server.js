#!/usr/bin/env node
'use strict';
// Usage: budget-language-server --stdio   (or --node-ipc, --socket=PORT)
require('../dist/server.js');
