// The rows this project renders are the engine's results.
global using SteeringRng.Certification.Results;
