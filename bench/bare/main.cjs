// The bare NestJS baseline: the gateway's two routes on Nest's default Express platform with nothing else (no
// guard, no validation, no Kafka round trip, no middleware), answering the same JSON the gateway answered.
// Plain JavaScript, so the decorators are applied by hand.
require('reflect-metadata');
const { readFileSync } = require('node:fs');
const { Body, Controller, Get, Module, Param, Post } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');

const fixture = JSON.parse(readFileSync(process.env.BARE_FIXTURE, 'utf8'));

class ConferencesController {
  get(id) {
    return { ...fixture.get, id };
  }

  create(body) {
    return { ...fixture.post, title: body.title };
  }
}

const method = (name) => Object.getOwnPropertyDescriptor(ConferencesController.prototype, name);
Controller('api/v1/conferences')(ConferencesController);
Get(':id')(ConferencesController.prototype, 'get', method('get'));
Param('id')(ConferencesController.prototype, 'get', 0);
Post()(ConferencesController.prototype, 'create', method('create'));
Body()(ConferencesController.prototype, 'create', 0);

class AppModule {}
Module({ controllers: [ConferencesController] })(AppModule);

async function main() {
  const app = await NestFactory.create(AppModule, { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.BARE_PORT), '127.0.0.1');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
