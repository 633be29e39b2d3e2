// Grain contracts speak the clickstream contract's types (ClickEvent, ClickEventType).
global using Personalization.Contract;
