import { configure } from '@testing-library/react';

// findBy… and waitFor wait 1 s by default; on a busy machine a render that takes longer failed
// tests that pass alone. They still fail at once when what they wait for never comes: 10 s is a bound, not a pace.
configure({ asyncUtilTimeout: 10_000 });
